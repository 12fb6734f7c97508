package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that cancel(false) leaves alone a stage the body returns after it: the stage may be shared, and only
 * cancel(true) cancels it (CancellationTest proves that side).
 */
class CancelFalseLeavesReturnedStageTest {

    @ApplicationScoped
    public static class Work {
        @Async(task = "stage")
        public CompletableFuture<String> returnLater(CountDownLatch started, CountDownLatch go,
                CompletableFuture<String> stage, CountDownLatch returned) throws InterruptedException {
            started.countDown();
            go.await(30, SECONDS);
            returned.countDown();
            return stage;
        }
    }

    @Test
    void cancelFalseLeavesTheStage() throws Exception {
        try (SeContainer container = Containers.boot(Map.of(), Work.class)) {
            Work work = container.select(Work.class).get();
            CompletableFuture<String> shared = new CompletableFuture<>();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch returned = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) work.returnLater(started, go, shared, returned);
            assertTrue(started.await(30, SECONDS));

            assertTrue(future.cancel(false));
            go.countDown();
            assertTrue(returned.await(30, SECONDS), "the body returned its stage");
            long deadline = System.nanoTime() + SECONDS.toNanos(30);
            while (shared.getNumberOfDependents() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // until the call has adopted the stage
            }

            assertFalse(shared.isCancelled(), "cancel(false) cancelled the stage the body returned");
        }
    }
}
