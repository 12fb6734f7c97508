package dev.cdiasync.it.quarkus.seed;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The seed tutorial's mock tasks (threadpool-add-done-callback), as {@code @Async} methods. */
@ApplicationScoped
public class SeedWorker {

    @Inject
    Journal journal;

    /** "mock task that will sleep for a moment": the sleep is the scenario, not a synchronisation. */
    @Async(task = "seed.work", executor = "seed")
    public Future<Void> work() throws InterruptedException {
        Thread.sleep(200);
        journal.record("The task is done.");
        return CompletableFuture.completedFuture(null);
    }

    @Async(task = "seed.failingWork", executor = "seed")
    public Future<Void> failingWork() throws Exception {
        Thread.sleep(200);
        throw new Exception("Something bad");
    }

    @Async(task = "seed.gatedWork", executor = "seed")
    public Future<Void> gatedWork(CountDownLatch gate) throws InterruptedException {
        if (!gate.await(Journal.TIMEOUT_SECONDS, SECONDS)) {
            throw new IllegalStateException("never released");
        }
        journal.record("The task is done.");
        return CompletableFuture.completedFuture(null);
    }
}
