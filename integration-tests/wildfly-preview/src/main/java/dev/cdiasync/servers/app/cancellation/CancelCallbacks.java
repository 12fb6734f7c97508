package dev.cdiasync.servers.app.cancellation;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The annotated callbacks of the cancellable tasks: which future, which thread. */
@ApplicationScoped
public class CancelCallbacks {

    @Inject
    Journal journal;

    @OnDone(task = CancellableTasks.BLOCKING)
    void blocking(AsyncFuture<String> future) {
        record(future);
    }

    @OnDone(task = CancellableTasks.QUEUED)
    void queued(AsyncFuture<String> future) {
        record(future);
    }

    private void record(AsyncFuture<String> future) {
        journal.record(future.taskName(), "@OnDone cancelled=" + future.isCancelled() + " on "
                + Thread.currentThread().getName());
    }
}
