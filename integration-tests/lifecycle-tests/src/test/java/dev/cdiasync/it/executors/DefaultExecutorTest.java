package dev.cdiasync.it.executors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/** Proves that {@code @Inject @AsyncExecutor ExecutorService} is the library's default pool that {@code @Async} uses, sized by dev.cdiasync.threads and shut down at close. */
class DefaultExecutorTest {

    @ApplicationScoped
    public static class Work {
        private final AtomicBoolean started = new AtomicBoolean();

        @Async
        public CompletableFuture<String> where() {
            started.set(true);
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        public boolean started() {
            return started.get();
        }
    }

    @Test
    void theInjectedDefaultExecutorIsThePoolTheCallsRunOn() throws Exception {
        ExecutorService pool;
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "1"), Work.class)) {
            pool = container.select(ExecutorService.class, AsyncExecutor.Literal.DEFAULT).get();
            Work work = container.select(Work.class).get();
            CountDownLatch blocking = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> blocker = pool.submit(() -> {
                blocking.countDown();
                release.await(30, SECONDS);
                return Thread.currentThread().getName() + (Thread.currentThread().isDaemon() ? "" : " (not a daemon)");
            });
            assertTrue(blocking.await(30, SECONDS));

            AsyncFuture<String> call = (AsyncFuture<String>) work.where();
            // The pool's one thread is busy with the task submitted through the injected executor.
            assertFalse(call.isRunning());
            assertFalse(work.started(), "the call waits for the pool's only thread");

            release.countDown();
            String blockerThread = blocker.get(30, SECONDS);
            assertTrue(blockerThread.matches("cdi-async-\\d+"), "a daemon thread named cdi-async-N: " + blockerThread);
            String callThread = call.get(30, SECONDS);
            assertEquals(blockerThread, callThread, "same pool, same single thread");
        }
        assertTrue(pool.isShutdown(), "the library shuts down the pool it created");
        assertTrue(pool.isTerminated());
        assertTrue(Containers.liveAsyncThreads().isEmpty(), Containers.describe(Containers.liveAsyncThreads()));
    }
}
