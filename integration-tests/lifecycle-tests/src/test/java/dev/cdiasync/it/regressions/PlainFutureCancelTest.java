package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that cancel(true) releases a worker waiting for a plain Future the body returned (one that is no
 * CompletionStage, so it is waited for on the worker), and cancels that Future.
 */
class PlainFutureCancelTest {

    @ApplicationScoped
    public static class Pools {
        @Produces
        @AsyncExecutor("single")
        ExecutorService single() {
            return Executors.newSingleThreadExecutor();
        }

        void close(@Disposes @AsyncExecutor("single") ExecutorService executor) {
            executor.shutdownNow();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "plain", executor = "single")
        public Future<String> plain(FutureTask<String> never, CountDownLatch returning) {
            returning.countDown();
            return never;
        }

        @Async(task = "next", executor = "single")
        public CompletableFuture<String> next() {
            return CompletableFuture.completedFuture("next ran");
        }
    }

    @Test
    void theWorkerIsReleasedAndThePlainFutureCancelled() throws Exception {
        try (SeContainer container = Containers.boot(Map.of(), Pools.class, Work.class)) {
            Work work = container.select(Work.class).get();
            FutureTask<String> never = new FutureTask<>(() -> "never runs");
            CountDownLatch returning = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) work.plain(never, returning);
            assertTrue(returning.await(30, SECONDS));
            assertTrue(future.isRunning(), "waiting for the plain future counts as running");

            assertTrue(future.cancel(true));

            assertEquals("next ran", work.next().get(30, SECONDS), "the only worker is free again");
            assertTrue(never.isCancelled(), "cancel(true) cancelled the future the body returned");
        }
    }
}
