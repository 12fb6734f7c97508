package dev.cdiasync.it.quarkus.isolation;

import java.util.concurrent.Future;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A callback of "job" that throws, and one after it that must still run. */
@ApplicationScoped
public class Reporter {

    /** The callback description the contract fixes for {@link #log}. */
    public static final String LOG = "dev.cdiasync.it.quarkus.isolation.Reporter#log(AsyncFuture)";

    private final IllegalStateException failure = new IllegalStateException("log failed");

    @Inject
    Journal journal;

    /** What {@link #log} throws. */
    public IllegalStateException failure() {
        return failure;
    }

    @OnDone(task = "job")
    @Priority(10)
    void log(AsyncFuture<String> future) {
        journal.record("log");
        throw failure;
    }

    @OnDone(task = "job")
    @Priority(20)
    void after(Future<String> future) throws Exception {
        journal.record("after " + future.get());
    }
}
