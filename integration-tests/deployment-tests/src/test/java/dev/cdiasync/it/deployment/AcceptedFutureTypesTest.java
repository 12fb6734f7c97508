package dev.cdiasync.it.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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

/**
 * Every future parameter a String task's result can be assigned to deploys and is called with that result: wildcards,
 * raw types, Object, a lower bound, a supertype, each of the four future types.
 */
@EnableWeld
class AcceptedFutureTypesTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Calls extends Recorder {
        public Calls() {
            super(8);
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @Inject
        Calls calls;

        @OnDone(task = "work")
        void wildcard(Future<?> future) {
            calls.record("Future<?>", future);
        }

        @SuppressWarnings("rawtypes")
        @OnDone(task = "work")
        void raw(Future future) {
            calls.record("Future", future);
        }

        @OnDone(task = "work")
        void object(Future<Object> future) {
            calls.record("Future<Object>", future);
        }

        @OnDone(task = "work")
        void lowerBound(Future<? super String> future) {
            calls.record("Future<? super String>", future);
        }

        @OnDone(task = "work")
        void supertype(CompletableFuture<CharSequence> future) {
            calls.record("CompletableFuture<CharSequence>", future);
        }

        @OnDone(task = "work")
        void upperBound(CompletionStage<? extends CharSequence> stage) {
            calls.record("CompletionStage<? extends CharSequence>", stage.toCompletableFuture());
        }

        @OnDone(task = "work")
        void exact(AsyncFuture<String> future) {
            calls.record("AsyncFuture<String>", future);
        }

        @SuppressWarnings("rawtypes")
        @OnDone(task = "work")
        void rawStage(CompletionStage stage) {
            calls.record("CompletionStage", stage.toCompletableFuture());
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Calls.class, Reporter.class);

    @Inject
    Worker worker;

    @Inject
    Calls calls;

    @Test
    void eachAcceptedCallbackReceivesTheResult() throws Exception {
        worker.work();

        Map<String, Object> results = calls.awaitResults();

        assertEquals(Map.of("Future<?>", "done", "Future", "done", "Future<Object>", "done",
                "Future<? super String>", "done", "CompletableFuture<CharSequence>", "done",
                "CompletionStage<? extends CharSequence>", "done", "AsyncFuture<String>", "done",
                "CompletionStage", "done"), results);
    }
}
