package dev.cdiasync.it.regressions;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
 * Proves that an Error a callback throws is not swallowed when the executor runs the call on the calling thread (a
 * caller-runs executor): it reaches the caller, as it would any completing thread.
 */
class CallerRunsExecutorErrorTest {

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
        @Async(task = "direct", executor = "direct")
        public CompletableFuture<String> run() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Callback {
        @OnDone(task = "direct")
        void fail(Future<String> future) {
            throw FATAL;
        }
    }

    @Test
    void theCallbacksErrorReachesTheCaller() {
        try (SeContainer container = Containers.boot(Map.of(), Pools.class, Work.class, Callback.class)) {
            Work work = container.select(Work.class).get();

            AssertionError thrown = assertThrows(AssertionError.class, work::run);

            assertSame(FATAL, thrown);
        }
    }
}
