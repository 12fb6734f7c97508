package dev.cdiasync.it.quarkus.order;

import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Callbacks of task "ordered" ranked by @Priority around the default of APPLICATION + 500; nothing injects this bean. */
@ApplicationScoped
public class Ranked {

    @Inject
    Journal journal;

    @OnDone(task = "ordered")
    @Priority(Interceptor.Priority.APPLICATION + 501)
    void justAfterDefault(Future<?> future) {
        journal.record("2501");
    }

    @OnDone(task = "ordered")
    @Priority(3000)
    void last(Future<?> future) {
        journal.record("3000");
    }

    @OnDone(task = "ordered")
    @Priority(Interceptor.Priority.APPLICATION + 499)
    void justBeforeDefault(Future<?> future) {
        journal.record("2499");
    }

    @OnDone(task = "ordered")
    @Priority(10)
    void first(Future<?> future) {
        journal.record("10");
    }
}
