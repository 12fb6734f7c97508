package dev.cdiasync.it.shutdown;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/** Proves the drain at scale: closing with 10,000 calls queued or running runs every callback exactly once before close() returns, leaves no pool thread, and later calls fail at once. */
class TenThousandTasksShutdownTest {

    static final int CALLS = 10_000;
    static final int FINISHED_BEFORE_CLOSE = 100;

    /**
     * The worker, a @Singleton so that the test can still call the intercepted instance after
     * close(); it counts bodies that started and finished.
     */
    @Singleton
    public static class Work {
        final AtomicIntegerArray started = new AtomicIntegerArray(CALLS + 2);
        final AtomicInteger finished = new AtomicInteger();
        final CountDownLatch someFinished = new CountDownLatch(FINISHED_BEFORE_CLOSE);
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        @Async(task = "bulk")
        public CompletableFuture<Integer> bulk(int index) throws InterruptedException {
            started.incrementAndGet(index);
            threads.add(Thread.currentThread());
            Thread.sleep(1); // simulated work: at least 2.5 s of wall time on the 4 threads of this test
            finished.incrementAndGet();
            someFinished.countDown();
            return CompletableFuture.completedFuture(index);
        }
    }

    @Singleton
    public static class Recorder {
        final Map<AsyncFuture<?>, AtomicInteger> annotated = new ConcurrentHashMap<>();
        final AtomicIntegerArray runtime = new AtomicIntegerArray(CALLS + 2);
        final List<AsyncFuture<Integer>> duringShutdown = new ArrayList<>();

        @OnDone(task = "bulk")
        void done(AsyncFuture<Integer> future) {
            annotated.computeIfAbsent(future, f -> new AtomicInteger()).incrementAndGet();
        }

        void onClose(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @BeforeDestroyed(ApplicationScoped.class) Object event,
                Work work) throws InterruptedException {
            AsyncFuture<Integer> future = (AsyncFuture<Integer>) work.bulk(CALLS);
            future.addDoneCallback(f -> runtime.incrementAndGet(CALLS));
            duringShutdown.add(future);
        }
    }

    @Test
    void everyCallbackRunsExactlyOnceBeforeCloseReturns() throws Exception {
        List<AsyncFuture<Integer>> futures = new ArrayList<>(CALLS);
        Work work;
        Recorder recorder;
        try (SeContainer container = Containers.boot(
                Map.of("dev.cdiasync.shutdown-grace-ms", "300", "dev.cdiasync.threads", "4"),
                Work.class, Recorder.class)) {
            work = container.select(Work.class).get();
            recorder = container.select(Recorder.class).get();
            for (int i = 0; i < CALLS; i++) {
                int index = i;
                AsyncFuture<Integer> future = (AsyncFuture<Integer>) work.bulk(i);
                future.addDoneCallback(f -> recorder.runtime.incrementAndGet(index));
                futures.add(future);
            }
            assertTrue(work.someFinished.await(30, SECONDS), "the pool is at work");
        }

        int completed = 0;
        int cancelled = 0;
        for (int i = 0; i < CALLS; i++) {
            AsyncFuture<Integer> future = futures.get(i);
            assertTrue(future.isDone(), "call " + i + " is done");
            if (future.isCancelled()) {
                cancelled++;
            } else {
                assertEquals(i, future.getNow(-1), "call " + i);
                completed++;
            }
            AtomicInteger annotated = recorder.annotated.get(future);
            assertEquals(1, annotated == null ? 0 : annotated.get(), "annotated callback of call " + i);
            assertEquals(1, recorder.runtime.get(i), "runtime callback of call " + i);
            assertTrue(work.started.get(i) <= 1, "body of call " + i + " ran at most once");
        }
        assertEquals(CALLS, completed + cancelled);
        assertTrue(completed >= FINISHED_BEFORE_CLOSE, "completed: " + completed);
        assertTrue(cancelled > 0, "the grace period of 300 ms cannot fit 2.5 s of work: something was cancelled");
        // A body may finish just as the drain cancels its call: then its outcome is ignored (semantics 7).
        assertTrue(completed <= work.finished.get(), "a future completed only with the value of a finished body");
        List<Thread> left = Containers.liveAsyncThreads();
        assertTrue(left.isEmpty(), "default executor threads alive after close(): " + Containers.describe(left));
        List<Thread> bodyThreads = Containers.stillAlive(work.threads);
        assertTrue(bodyThreads.isEmpty(), "threads that ran bodies alive after close(): " + Containers.describe(bodyThreads));

        // A call made once shutdown began fails at once with a clear error instead of hanging.
        assertEquals(1, recorder.duringShutdown.size());
        assertRefused(recorder.duringShutdown.get(0));
        assertEquals(0, work.started.get(CALLS), "the refused body never ran");
        assertEquals(1, recorder.runtime.get(CALLS));
        // A call on an instance kept past close() fails at once too: Weld refuses it (the container is
        // gone), or the library returns a refused future. Either way it never hangs and the body never runs.
        AsyncFuture<Integer> afterClose;
        try {
            afterClose = (AsyncFuture<Integer>) work.bulk(CALLS + 1);
        } catch (IllegalStateException containerGone) {
            afterClose = null;
        }
        if (afterClose != null) {
            assertRefused(afterClose);
        }
        assertEquals(0, work.started.get(CALLS + 1), "the refused body never ran");
    }

    private static void assertRefused(AsyncFuture<Integer> future) {
        assertTrue(future.isDone(), "refused at once");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertInstanceOf(RejectedExecutionException.class, failure.getCause());
        assertNotNull(failure.getCause().getMessage());
        assertTrue(failure.getCause().getMessage().contains("bulk"), "names the task: " + failure.getCause().getMessage());
        assertFalse(future.isCancelled());
    }
}
