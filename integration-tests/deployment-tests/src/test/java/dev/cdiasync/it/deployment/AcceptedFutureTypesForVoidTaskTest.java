package dev.cdiasync.it.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A void task's callbacks may declare Future<Void>, Future<?> or Future<Object>: they deploy and see a null result. */
@EnableWeld
class AcceptedFutureTypesForVoidTaskTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public void tidy() {
        }
    }

    @ApplicationScoped
    public static class Calls extends Recorder {
        public Calls() {
            super(4);
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @Inject
        Calls calls;

        @OnDone(task = "Worker.tidy")
        void voidFuture(Future<Void> future) {
            calls.record("Future<Void>", future);
        }

        @OnDone(task = "Worker.tidy")
        void wildcard(Future<?> future) {
            calls.record("Future<?>", future);
        }

        @OnDone(task = "Worker.tidy")
        void object(CompletableFuture<Object> future) {
            calls.record("CompletableFuture<Object>", future);
        }

        @OnDone(task = "Worker.tidy")
        void asyncVoid(AsyncFuture<Void> future) {
            calls.record("AsyncFuture<Void>", future);
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Calls.class, Reporter.class);

    @Inject
    Worker worker;

    @Inject
    Calls calls;

    @Test
    void eachAcceptedCallbackSeesTheNullResult() throws Exception {
        worker.tidy();

        assertEquals(Map.of("Future<Void>", "null", "Future<?>", "null", "CompletableFuture<Object>", "null",
                "AsyncFuture<Void>", "null"), calls.awaitResults());
    }
}
