package dev.cdiasync.it.quarkus.shutdown;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;

/**
 * Semantics 8 on Quarkus, past the grace period ({@code dev.cdiasync.shutdown-grace-ms=300}, read
 * through Quarkus's MicroProfile Config): calls still running are cancelled and interrupted, queued
 * ones never start, and every callback runs once, in the application's stop, before it is gone.
 */
class ShutdownGraceExpiredTest {

    private static final String LOG = "cdiasync.it.ShutdownGraceExpiredTest";

    /** Executor "single": one thread, so that a call can stay queued behind another. */
    @ApplicationScoped
    public static class SinglePool {
        private final ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "single-worker"));

        @Produces
        @AsyncExecutor("single")
        ExecutorService single() {
            return pool;
        }

        @PreDestroy
        void stop() throws InterruptedException {
            pool.shutdownNow();
            pool.awaitTermination(30, SECONDS);
        }
    }

    @ApplicationScoped
    public static class Work {
        static final CountDownLatch STARTED = new CountDownLatch(3);
        private static final CountDownLatch NEVER = new CountDownLatch(1);

        @Async(task = "stuck")
        public CompletableFuture<String> onQuarkusPool(String id) {
            return waitForever(id);
        }

        @Async(task = "stuck", executor = "single")
        public CompletableFuture<String> onSingle(String id) {
            return waitForever(id);
        }

        private static CompletableFuture<String> waitForever(String id) {
            Shared.record(LOG, "body " + id + " started on " + Thread.currentThread().getName());
            STARTED.countDown();
            try {
                NEVER.await(30, SECONDS);
                Shared.record(LOG, "body " + id + " was never interrupted");
            } catch (InterruptedException e) {
                Shared.record(LOG, "body " + id + " interrupted");
            }
            return CompletableFuture.completedFuture("done " + id);
        }
    }

    @ApplicationScoped
    public static class Recorder {
        @OnDone(task = "stuck")
        void annotated(AsyncFuture<String> future) {
            Shared.record(LOG, "annotated " + future.isCancelled() + " on " + Thread.currentThread().getName());
        }

        /** Runs on the thread that stops the application, after the library's drain. */
        void stopping(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @BeforeDestroyed(ApplicationScoped.class)
                Object event) {
            Shared.record(LOG, "stopping on " + Thread.currentThread().getName());
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(SinglePool.class, Work.class, Recorder.class, Shared.class))
            .overrideRuntimeConfigKey("dev.cdiasync.shutdown-grace-ms", "300")
            .setBeforeAllCustomizer(() -> Shared.clear(LOG))
            .setAfterUndeployListener(ShutdownGraceExpiredTest::checkAfterTheApplicationStopped);

    @Inject
    Work work;

    @Test
    void callsThatOutlastTheGracePeriod() throws Exception {
        for (String id : List.of("pool-1", "pool-2", "single-1", "single-2", "single-3")) {
            AsyncFuture<String> future = (AsyncFuture<String>) (id.startsWith("pool")
                    ? work.onQuarkusPool(id) : work.onSingle(id));
            future.addDoneCallback(f -> Shared.record(LOG, "runtime " + f.isCancelled() + " on "
                    + Thread.currentThread().getName()));
        }
        // Two bodies on Quarkus's pool and the first on the single thread; the other two wait behind it.
        assertTrue(Work.STARTED.await(30, SECONDS), Shared.lines(LOG)::toString);
    }

    static void checkAfterTheApplicationStopped() {
        List<String> lines = Shared.lines(LOG);
        String stopping = lines.stream().filter(line -> line.startsWith("stopping on ")).findFirst()
                .orElseThrow(() -> new AssertionError("the application never stopped: " + lines));
        String closer = stopping.substring("stopping on ".length());
        for (String id : List.of("pool-1", "pool-2")) {
            assertTrue(lines.stream().anyMatch(line -> line.matches("body " + id + " started on executor-thread-\\d+")),
                    () -> id + " ran on Quarkus's pool: " + lines);
        }
        assertTrue(lines.contains("body single-1 started on single-worker"), () -> lines.toString());
        for (String id : List.of("pool-1", "pool-2", "single-1")) {
            assertTrue(lines.contains("body " + id + " interrupted"), () -> id + " was interrupted: " + lines);
        }
        for (String id : List.of("single-2", "single-3")) {
            assertTrue(lines.stream().noneMatch(line -> line.startsWith("body " + id)), () -> id + " never started: "
                    + lines);
        }
        // Five calls: each callback once, each saw the future cancelled, all on the stopping thread.
        assertEquals(5, lines.stream().filter(("annotated true on " + closer)::equals).count(), lines::toString);
        assertEquals(5, lines.stream().filter(("runtime true on " + closer)::equals).count(), lines::toString);
        assertEquals(10, lines.stream().filter(line -> line.startsWith("annotated ") || line.startsWith("runtime "))
                .count(), lines::toString);
        int stoppingAt = lines.indexOf(stopping);
        assertTrue(lines.stream().filter(line -> line.startsWith("annotated ") || line.startsWith("runtime "))
                .allMatch(line -> lines.indexOf(line) < stoppingAt), () -> "the callbacks ran in the drain: " + lines);
        Shared.clear(LOG);
    }
}
