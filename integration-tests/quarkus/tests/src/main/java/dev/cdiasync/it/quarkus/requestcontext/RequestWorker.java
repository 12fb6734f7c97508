package dev.cdiasync.it.quarkus.requestcontext;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.cdiasync.Async;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A body that uses the request-scoped bean, on the default executor. */
@ApplicationScoped
public class RequestWorker {

    @Inject
    RequestState state;

    @Inject
    Journal journal;

    @Async(task = "rc.job")
    public CompletableFuture<Integer> job(CountDownLatch gate) throws InterruptedException {
        gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
        int id = state.id();
        journal.record("body uses #" + id + (id == state.id() ? " throughout" : " then another"));
        return CompletableFuture.completedFuture(id);
    }
}
