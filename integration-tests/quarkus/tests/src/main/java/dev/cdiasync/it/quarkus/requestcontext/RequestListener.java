package dev.cdiasync.it.quarkus.requestcontext;

import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Two callbacks of "rc.job" that use the request-scoped bean. */
@ApplicationScoped
public class RequestListener {

    @Inject
    RequestState state;

    @Inject
    Journal journal;

    @OnDone(task = "rc.job")
    @Priority(1)
    void first(Future<Integer> future) {
        journal.record("first callback uses #" + state.id());
    }

    @OnDone(task = "rc.job")
    @Priority(2)
    void second(Future<Integer> future) {
        journal.record("second callback uses #" + state.id());
    }
}
