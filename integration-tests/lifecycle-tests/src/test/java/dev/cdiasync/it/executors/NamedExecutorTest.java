package dev.cdiasync.it.executors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** Proves that {@code @Async(executor = "...")} runs the body, and its callbacks, on the named executor bean. */
@ExtendWith(WeldJunit5Extension.class)
class NamedExecutorTest {

    /** Declares executor "io" with a producer method. */
    @ApplicationScoped
    public static class IoPool {
        private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "io-worker"));

        @Produces
        @AsyncExecutor("io")
        Executor io() {
            return pool;
        }

        @PreDestroy
        void stop() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(30, SECONDS);
        }
    }

    /** Declares executor "spawning" as a bean class: a new thread per task, counted. */
    @ApplicationScoped
    @AsyncExecutor("spawning")
    public static class SpawningExecutor implements Executor {
        private final AtomicInteger executed = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            Thread thread = new Thread(task, "spawned-" + executed.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        public int executed() {
            return executed.get();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "onIo", executor = "io")
        public CompletableFuture<String> onIo() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Async(task = "onSpawned", executor = "spawning")
        public CompletableFuture<String> onSpawned() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Async(task = "onDefault")
        public CompletableFuture<String> onDefault() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    /** Records the thread each task's annotated callback ran on. */
    @ApplicationScoped
    public static class Callbacks {
        private final Map<String, String> threads = new ConcurrentHashMap<>();
        private final CountDownLatch called = new CountDownLatch(3);

        @OnDone(task = "onIo")
        void io(AsyncFuture<String> future) {
            record(future);
        }

        @OnDone(task = "onSpawned")
        void spawned(AsyncFuture<String> future) {
            record(future);
        }

        @OnDone(task = "onDefault")
        void byDefault(AsyncFuture<String> future) {
            record(future);
        }

        private void record(AsyncFuture<String> future) {
            threads.put(future.taskName(), Thread.currentThread().getName());
            called.countDown();
        }

        public Map<String, String> threads() throws InterruptedException {
            assertTrue(called.await(30, SECONDS), "every callback ran");
            return threads;
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(IoPool.class, SpawningExecutor.class, Work.class, Callbacks.class);

    @Inject
    Work work;
    @Inject
    Callbacks callbacks;
    @Inject
    @AsyncExecutor("spawning")
    SpawningExecutor spawning;

    @Test
    void eachCallRunsOnTheExecutorItNamesAndItsCallbacksOnThatThread() throws Exception {
        String io = work.onIo().get(30, SECONDS);
        String spawned = work.onSpawned().get(30, SECONDS);
        String byDefault = work.onDefault().get(30, SECONDS);

        assertEquals("io-worker", io);
        assertEquals("spawned-1", spawned);
        assertEquals(1, spawning.executed(), "one call, one task handed to the named executor");
        assertTrue(byDefault.startsWith("cdi-async-"), byDefault);
        assertEquals(Map.of("onIo", io, "onSpawned", spawned, "onDefault", byDefault), callbacks.threads(),
                "callbacks run on the thread that completed the future");
    }
}
