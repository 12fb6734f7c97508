package dev.cdiasync.it.quarkus.cancellation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** What one asynchronous body of the cancellation tests does and saw: latches to steer it, fields it fills in. */
public final class Job {

    public final CountDownLatch started = new CountDownLatch(1);
    public final CountDownLatch release = new CountDownLatch(1);
    public final CountDownLatch finished = new CountDownLatch(1);
    public final CompletableFuture<String> stage = new CompletableFuture<>();
    public volatile boolean interrupted;
    public volatile boolean released;
}
