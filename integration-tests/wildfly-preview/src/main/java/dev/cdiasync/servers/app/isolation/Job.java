package dev.cdiasync.servers.app.isolation;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.cdiasync.Async;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.ApplicationScoped;

/** The task whose callbacks fail; on the default executor; waits for the gate, then returns "ok". */
@ApplicationScoped
public class Job {

    public static final String TASK = "isolation.job";

    @Async(task = TASK)
    public CompletableFuture<String> run(CountDownLatch gate) throws InterruptedException {
        gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
        return CompletableFuture.completedFuture("ok");
    }
}
