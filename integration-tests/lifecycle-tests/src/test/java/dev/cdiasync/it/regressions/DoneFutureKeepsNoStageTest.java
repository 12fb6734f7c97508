package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Regression: a future completed by hand while its body still ran kept the unfinished stage the body then returned:
 * the body's write of the pending stage landed after the dispatch had cleared it. A done future keeps nothing of it
 * now, so the stage can be collected while the application still holds the future.
 */
class DoneFutureKeepsNoStageTest {

    @ApplicationScoped
    public static class Work {
        @Async(task = "staged")
        public CompletionStage<String> staged(CountDownLatch started, CountDownLatch proceed,
                AtomicReference<WeakReference<Object>> returned) throws InterruptedException {
            started.countDown();
            proceed.await(30, SECONDS);
            CompletableFuture<String> never = new CompletableFuture<>();
            returned.set(new WeakReference<>(never));
            return never;
        }

        @Async(task = "barrier")
        public CompletableFuture<Void> barrier() {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Test
    void theStageReturnedAfterCompletionIsNotKept() throws Exception {
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "1"), Work.class)) {
            Work work = container.select(Work.class).get();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch proceed = new CountDownLatch(1);
            AtomicReference<WeakReference<Object>> returned = new AtomicReference<>();
            AsyncFuture<String> future = (AsyncFuture<String>) work.staged(started, proceed, returned);
            assertTrue(started.await(30, SECONDS));

            assertTrue(future.complete("by hand")); // while the body still runs
            proceed.countDown();
            work.barrier().get(30, SECONDS); // the pool's one thread is through the body

            WeakReference<Object> stage = returned.get();
            for (int i = 0; i < 20 && stage.get() != null; i++) {
                System.gc();
                Thread.sleep(10);
            }
            assertNull(stage.get(), "the done future still keeps the stage its body returned");
            assertEquals("by hand", future.join());
        }
    }
}
