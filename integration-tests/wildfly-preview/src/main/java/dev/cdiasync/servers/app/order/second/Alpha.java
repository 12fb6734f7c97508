package dev.cdiasync.servers.app.order.second;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import dev.cdiasync.servers.app.order.OrderedWorker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Default-priority callbacks whose ties are broken by method name, then by parameter types. */
@ApplicationScoped
public class Alpha {

    @Inject
    Journal journal;

    @OnDone(task = "ordered")
    void overload(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "second.Alpha#overload(Future)");
    }

    @OnDone(task = "ordered")
    void beta(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "second.Alpha#beta");
    }

    @OnDone(task = "ordered")
    void overload(CompletionStage<?> future) {
        journal.record(OrderedWorker.TOPIC, "second.Alpha#overload(CompletionStage)");
    }

    @OnDone(task = "ordered")
    void alpha(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "second.Alpha#alpha");
    }

    @OnDone(task = "ordered")
    void overload(AsyncFuture<?> future) {
        journal.record(OrderedWorker.TOPIC, "second.Alpha#overload(AsyncFuture)");
    }

    @OnDone(task = "ordered")
    void overload(CompletableFuture<?> future) {
        journal.record(OrderedWorker.TOPIC, "second.Alpha#overload(CompletableFuture)");
    }
}
