package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * design.md: a callback's Error "is reported, the other callbacks run, and it is rethrown to the dispatching thread"
 * (DESIGN 4: Errors are not swallowed). CallerRunsExecutorErrorTest proves it for a body returning a completed
 * CompletableFuture. A body that returns an equally completed stage that is not a plain CompletableFuture (a minimal
 * stage, or any CompletableFuture subclass) is adopted through whenComplete, whose action's Error the JDK swallows into
 * the derived stage: the dispatching thread never sees it.
 */
class MinimalStageCallbackErrorTest {

    static final AssertionError FATAL = new AssertionError("callback error");

    @ApplicationScoped
    public static class Pools {
        @Produces
        @AsyncExecutor("direct")
        Executor direct() {
            return Runnable::run;
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "plain", executor = "direct")
        public CompletionStage<String> plain() {
            return CompletableFuture.completedFuture("done");
        }

        @Async(task = "minimal", executor = "direct")
        public CompletionStage<String> minimal() {
            return CompletableFuture.completedFuture("done").minimalCompletionStage();
        }
    }

    @ApplicationScoped
    public static class Callback {
        @OnDone(task = "plain")
        void plain(Future<String> future) {
            throw FATAL;
        }

        @OnDone(task = "minimal")
        void minimal(Future<String> future) {
            throw FATAL;
        }
    }

    @Test
    void theCallbacksErrorReachesTheDispatchingThreadAlsoForAMinimalStage() {
        try (SeContainer container = Containers.boot(Map.of(), Pools.class, Work.class, Callback.class)) {
            Work work = container.select(Work.class).get();

            assertSame(FATAL, assertThrows(AssertionError.class, work::plain), "control: completed CompletableFuture");
            assertSame(FATAL, assertThrows(AssertionError.class, work::minimal,
                    "the callback's Error was swallowed for a body returning a completed minimal stage"));
        }
    }
}
