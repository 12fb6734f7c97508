package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.RepeatedTest;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that the interrupt of a cancel(true) never carries over to the next task on the same pool thread.
 */
class InterruptLeakTest {

    @ApplicationScoped
    public static class Work {
        /**
         * Runs until interrupted, then returns without clearing the interrupt flag, as a body that only
         * polls isInterrupted() does.
         */
        @Async(task = "interruptible")
        public CompletableFuture<String> spinUntilInterrupted(CountDownLatch started) {
            started.countDown();
            long deadline = System.nanoTime() + SECONDS.toNanos(30);
            while (!Thread.currentThread().isInterrupted() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return CompletableFuture.completedFuture(Thread.currentThread().isInterrupted() ? "interrupted" : "timeout");
        }

        @Async(task = "next")
        public CompletableFuture<String> next() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName() + " interrupted="
                    + Thread.currentThread().isInterrupted());
        }

        @Async(task = "who")
        public CompletableFuture<String> who() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @RepeatedTest(5)
    void theNextTaskOnTheSameThreadIsNotInterrupted() throws Exception {
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "1"), Work.class)) {
            Work work = container.select(Work.class).get();
            String thread = work.who().get(30, SECONDS);
            CountDownLatch started = new CountDownLatch(1);
            AsyncFuture<String> spinning = (AsyncFuture<String>) work.spinUntilInterrupted(started);
            assertTrue(started.await(30, SECONDS));

            assertTrue(spinning.cancel(true));
            String next = work.next().get(30, SECONDS);

            assertTrue(spinning.isCancelled());
            assertTrue(next.endsWith(" interrupted=false"),
                    "the interrupt meant for the cancelled body leaked into the next task: " + next);
            assertEquals(thread + " interrupted=false", next, "the pool's one thread ran the next task");
            assertFalse(Thread.currentThread().isInterrupted(), "the cancelling thread is not interrupted");
        }
    }
}
