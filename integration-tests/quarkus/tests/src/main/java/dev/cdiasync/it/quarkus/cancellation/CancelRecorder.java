package dev.cdiasync.it.quarkus.cancellation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** Records every done-callback call: which task, on which thread, and what the future said. */
@ApplicationScoped
public class CancelRecorder {

    private final List<String> events = new CopyOnWriteArrayList<>();

    /* Through methods: the test holds a client proxy, whose fields are not the bean's. */
    public List<String> events() {
        return List.copyOf(events);
    }

    public void reset() {
        events.clear();
    }

    @OnDone(task = "cancel.job")
    void job(AsyncFuture<String> future) {
        events.add(describe("annotated", future));
    }

    @OnDone(task = "cancel.staged")
    void staged(AsyncFuture<String> future) {
        events.add(describe("annotated", future));
    }

    public void runtime(AsyncFuture<String> future) {
        events.add(describe("runtime", future));
    }

    static String describe(String kind, AsyncFuture<String> future) {
        return kind + " " + future.taskName() + " cancelled=" + future.isCancelled() + " done=" + future.isDone()
                + " on " + Thread.currentThread().getName();
    }
}
