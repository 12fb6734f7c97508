package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that the shutdown drain also covers a body that still runs after its future was done early (here by
 * orTimeout) on an application executor: close() interrupts it and returns only after it ended.
 */
class EarlyDoneBodyDrainTest {

    static final ExecutorService POOL = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "application-worker");
        thread.setDaemon(true);
        return thread;
    });

    @ApplicationScoped
    public static class Pools {
        @Produces
        @AsyncExecutor("application")
        ExecutorService application() {
            return POOL; // the application's: the library never shuts it down
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "slow", executor = "application")
        public CompletableFuture<String> slow(CountDownLatch started, CountDownLatch ended) {
            started.countDown();
            try {
                Thread.sleep(SECONDS.toMillis(60));
                return CompletableFuture.completedFuture("slept");
            } catch (InterruptedException e) {
                return CompletableFuture.completedFuture("interrupted");
            } finally {
                ended.countDown();
            }
        }
    }

    @Test
    void closeInterruptsTheBodyAndWaitsForIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.shutdown-grace-ms", "200"), Pools.class,
                Work.class)) {
            AsyncFuture<String> future = (AsyncFuture<String>) container.select(Work.class).get().slow(started, ended);
            assertTrue(started.await(30, SECONDS));
            future.orTimeout(50, MILLISECONDS);
            ExecutionException timedOut = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
            assertTrue(timedOut.getCause() instanceof TimeoutException);
        }

        assertTrue(ended.await(0, SECONDS), "close() returned while the body still ran");
    }
}
