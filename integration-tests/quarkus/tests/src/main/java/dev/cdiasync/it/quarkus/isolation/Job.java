package dev.cdiasync.it.quarkus.isolation;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.cdiasync.Async;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;

/** The task "job" whose callbacks fail; it waits for the test's gate, then returns "ok". */
@ApplicationScoped
public class Job {

    @Async(task = "job")
    public CompletableFuture<String> run(CountDownLatch gate) throws InterruptedException {
        gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
        return CompletableFuture.completedFuture("ok");
    }
}
