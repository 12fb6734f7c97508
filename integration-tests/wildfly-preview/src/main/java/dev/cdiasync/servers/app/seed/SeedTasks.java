package dev.cdiasync.servers.app.seed;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The seed tutorial's mock tasks, on one thread like its ThreadPoolExecutor. */
@ApplicationScoped
public class SeedTasks {

    public static final String TOPIC = "seed";

    @Inject
    Journal journal;

    /** "mock task that will sleep for a moment": the sleep is the scenario, not a synchronisation. */
    @Async(task = "seed.work", executor = "single")
    public Future<Void> work() throws InterruptedException {
        Thread.sleep(200);
        journal.record(TOPIC, "The task is done.");
        return CompletableFuture.completedFuture(null);
    }

    @Async(task = "seed.failingWork", executor = "single")
    public Future<Void> failingWork() throws Exception {
        Thread.sleep(200);
        throw new Exception("Something bad");
    }

    /** Waits for the scenario's gate, so that callbacks can be added before the task is done. */
    @Async(task = "seed.gatedWork", executor = "single")
    public Future<Void> gatedWork(CountDownLatch gate) throws InterruptedException {
        if (!gate.await(Journal.TIMEOUT_SECONDS, SECONDS)) {
            throw new IllegalStateException("never released");
        }
        journal.record(TOPIC, "The task is done.");
        return CompletableFuture.completedFuture(null);
    }
}
