package dev.cdiasync.servers.app.requestcontext;

import static dev.cdiasync.servers.app.requestcontext.RequestState.TOPIC;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A body and two callbacks that use the request-scoped bean; on the container's managed executor. */
@ApplicationScoped
public class RequestScopedWork {

    public static final String TASK = "request-context.job";

    @Inject
    RequestState state;

    @Inject
    Journal journal;

    @Async(task = TASK, executor = "mes")
    public CompletableFuture<Integer> job() {
        int id = state.id();
        journal.record(TOPIC, "body uses #" + id);
        return CompletableFuture.completedFuture(id);
    }

    @OnDone(task = TASK)
    @Priority(1)
    void first(Future<Integer> future) {
        journal.record(TOPIC, "first callback uses #" + state.id());
    }

    @OnDone(task = TASK)
    @Priority(2)
    void second(Future<Integer> future) {
        journal.record(TOPIC, "second callback uses #" + state.id());
    }
}
