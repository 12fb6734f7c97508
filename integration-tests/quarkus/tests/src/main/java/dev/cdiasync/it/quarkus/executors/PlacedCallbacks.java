package dev.cdiasync.it.quarkus.executors;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Records the thread each task's annotated callback ran on. */
@ApplicationScoped
public class PlacedCallbacks {

    @Inject
    Journal journal;

    @OnDone(task = "onIo")
    void io(AsyncFuture<String> future) {
        record(future);
    }

    @OnDone(task = "onSpawned")
    void spawned(AsyncFuture<String> future) {
        record(future);
    }

    @OnDone(task = "onDefault")
    void byDefault(AsyncFuture<String> future) {
        record(future);
    }

    private void record(AsyncFuture<String> future) {
        journal.record(future.taskName() + " callback on " + Thread.currentThread().getName());
    }
}
