package dev.cdiasync.it.shutdown;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Singleton;

/** Proves that a done-callback that blocks past the grace period, ignoring interrupts, cannot make close() hang. */
class BlockingCallbackShutdownTest {

    @ApplicationScoped
    public static class Work {
        @Async(task = "quick")
        public CompletableFuture<String> quick() {
            return CompletableFuture.completedFuture("quick");
        }
    }

    /** Its callback blocks until the test releases it, and goes on waiting when interrupted. */
    @Singleton
    public static class StubbornCallback {
        final CountDownLatch blocking = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        volatile Thread thread;
        volatile int interrupts;

        @OnDone(task = "quick")
        void block(AsyncFuture<String> future) {
            thread = Thread.currentThread();
            blocking.countDown();
            long deadline = System.nanoTime() + SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    if (release.await(deadline - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupts++;
                }
            }
        }
    }

    @Test
    void closeReturnsThoughACallbackBlocksPastTheGracePeriod() throws Exception {
        SeContainer container = Containers.boot(Map.of("dev.cdiasync.shutdown-grace-ms", "300"),
                Work.class, StubbornCallback.class);
        StubbornCallback callback = container.select(StubbornCallback.class).get();
        try {
            AsyncFuture<String> future = (AsyncFuture<String>) container.select(Work.class).get().quick();
            assertTrue(callback.blocking.await(30, SECONDS), "the callback is blocking");
            assertEquals("quick", future.get(30, SECONDS));

            AtomicReference<Throwable> closeFailure = new AtomicReference<>();
            Thread closer = new Thread(() -> {
                try {
                    container.close();
                } catch (Throwable t) {
                    closeFailure.set(t);
                }
            }, "closer");
            closer.start();
            closer.join(SECONDS.toMillis(30));

            assertFalse(closer.isAlive(), "close() returned although a callback is still blocked");
            assertNull(closeFailure.get(), "close() completed normally");
            assertTrue(callback.thread.isAlive() && callback.release.getCount() == 1,
                    "the callback was still blocked when close() returned");
        } finally {
            // Let the stubborn callback go (and a hung close() with it), so no pool thread outlives this test.
            callback.release.countDown();
            if (callback.thread != null) {
                callback.thread.join(SECONDS.toMillis(30));
            }
        }
        assertFalse(callback.thread.isAlive(), "the pool thread ends once its callback returns");
    }
}
