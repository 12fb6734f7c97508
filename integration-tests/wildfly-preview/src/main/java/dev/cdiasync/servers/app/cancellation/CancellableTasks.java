package dev.cdiasync.servers.app.cancellation;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.ApplicationScoped;

/** Bodies to cancel, on the single-thread executor so that one can wait in the queue behind another. */
@ApplicationScoped
public class CancellableTasks {

    public static final String BLOCKING = "cancel.blocking";
    public static final String QUEUED = "cancel.queued";

    /** Holds the one thread until released or interrupted. */
    @Async(task = BLOCKING, executor = "single")
    public CompletableFuture<String> blocking(Probe probe) {
        probe.ran = true;
        probe.started.countDown();
        try {
            probe.released = probe.release.await(Journal.TIMEOUT_SECONDS, SECONDS);
        } catch (InterruptedException e) {
            probe.interrupted = true;
        } finally {
            probe.finished.countDown();
        }
        return CompletableFuture.completedFuture("body result");
    }

    @Async(task = QUEUED, executor = "single")
    public CompletableFuture<String> queued(Probe probe) {
        probe.ran = true;
        probe.finished.countDown();
        return CompletableFuture.completedFuture("queued body ran");
    }
}
