package dev.cdiasync.servers.app.order;

import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Callbacks of task "ordered" ranked by @Priority around the default of APPLICATION + 500. */
@ApplicationScoped
public class Ranked {

    @Inject
    Journal journal;

    @OnDone(task = "ordered")
    @Priority(Interceptor.Priority.APPLICATION + 501)
    void justAfterDefault(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "2501");
    }

    @OnDone(task = "ordered")
    @Priority(3000)
    void last(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "3000");
    }

    @OnDone(task = "ordered")
    @Priority(Interceptor.Priority.APPLICATION + 499)
    void justBeforeDefault(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "2499");
    }

    @OnDone(task = "ordered")
    @Priority(10)
    void first(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "10");
    }
}
