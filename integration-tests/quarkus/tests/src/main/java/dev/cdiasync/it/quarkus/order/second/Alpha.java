package dev.cdiasync.it.quarkus.order.second;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Default-priority callbacks whose ties are broken by method name, then by parameter types. A
 * {@code @Dependent} bean: each call gets an instance of its own.
 */
@Dependent
public class Alpha {

    @Inject
    Journal journal;

    @OnDone(task = "ordered")
    void overload(Future<?> future) {
        journal.record("second.Alpha#overload(Future)");
    }

    @OnDone(task = "ordered")
    void beta(Future<?> future) {
        journal.record("second.Alpha#beta");
    }

    @OnDone(task = "ordered")
    void overload(CompletionStage<?> future) {
        journal.record("second.Alpha#overload(CompletionStage)");
    }

    @OnDone(task = "ordered")
    void alpha(Future<?> future) {
        journal.record("second.Alpha#alpha");
    }

    @OnDone(task = "ordered")
    void overload(AsyncFuture<?> future) {
        journal.record("second.Alpha#overload(AsyncFuture)");
    }

    @OnDone(task = "ordered")
    void overload(CompletableFuture<?> future) {
        journal.record("second.Alpha#overload(CompletableFuture)");
    }
}
