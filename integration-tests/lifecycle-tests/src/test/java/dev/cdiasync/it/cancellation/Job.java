package dev.cdiasync.it.cancellation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** What one asynchronous body of these tests does and saw: latches to steer it, fields it fills in. */
public final class Job {

    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    final CompletableFuture<String> stage = new CompletableFuture<>();
    volatile boolean interrupted;
    volatile boolean released;
    volatile String thread;
}
