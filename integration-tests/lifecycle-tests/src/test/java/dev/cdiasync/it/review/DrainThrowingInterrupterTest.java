package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * DESIGN 8: at shutdown, what is left after the grace period "is cancelled and interrupted, so its callbacks still run
 * before close() returns". Registry.drain catches only Errors around AsyncCall.stop(): one remote call whose
 * interrupter throws ends the loop, the other calls are never cancelled, their callbacks never run, and the exception
 * escapes from close().
 */
class DrainThrowingInterrupterTest {

    static final AtomicInteger CALLBACKS = new AtomicInteger();
    static final CountDownLatch STARTED = new CountDownLatch(3);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @ApplicationScoped
    public static class Pools {
        final ThrowingInterrupterTest.Unreachable remote = new ThrowingInterrupterTest.Unreachable();

        @Produces
        @AsyncExecutor("remote")
        Executor remote() {
            return remote;
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "remote", executor = "remote")
        public CompletableFuture<String> remote() throws InterruptedException {
            STARTED.countDown();
            RELEASE.await(60, SECONDS);
            return CompletableFuture.completedFuture("late");
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        @OnDone(task = "remote")
        void remote(Future<String> future) {
            CALLBACKS.incrementAndGet();
        }
    }

    @Test
    void everyCallLeftAtShutdownIsCancelledAndItsCallbacksRun() throws Exception {
        SeContainer container = Containers.boot(Map.of("dev.cdiasync.shutdown-grace-ms", "100"), Pools.class,
                Work.class, Callbacks.class);
        List<AsyncFuture<?>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            futures.add((AsyncFuture<?>) container.select(Work.class).get().remote());
        }
        assertTrue(STARTED.await(30, SECONDS));
        String closed;
        try {
            container.close();
            closed = "closed";
        } catch (RuntimeException e) {
            closed = "close() threw " + e;
        } finally {
            RELEASE.countDown();
        }
        long cancelled = futures.stream().filter(Future::isCancelled).count();

        assertEquals("closed; 3 cancelled; 3 callbacks", closed + "; " + cancelled + " cancelled; " + CALLBACKS.get()
                + " callbacks");
    }
}
