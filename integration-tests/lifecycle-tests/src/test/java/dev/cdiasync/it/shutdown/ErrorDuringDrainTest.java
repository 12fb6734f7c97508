package dev.cdiasync.it.shutdown;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Singleton;

/** Proves that a callback throwing an Error while the drain cancels what is left does not stop the drain: every other call is still cancelled and its callbacks run. */
class ErrorDuringDrainTest {

    /** An Error a callback throws. */
    public static final class CallbackError extends Error {
        private static final long serialVersionUID = 1L;

        CallbackError() {
            super("callback error during the drain");
        }
    }

    @ApplicationScoped
    public static class Work {
        /* The threads bodies ran on (virtual threads are not listed by Containers.liveAsyncThreads()). */
        static final Set<Thread> THREADS = ConcurrentHashMap.newKeySet();

        @Async(task = "stuck")
        public CompletableFuture<String> stuck(CountDownLatch started, CountDownLatch never) {
            THREADS.add(Thread.currentThread());
            started.countDown();
            try {
                never.await(30, SECONDS);
            } catch (InterruptedException e) {
                // cancelled: the outcome is ignored anyway
            }
            return CompletableFuture.completedFuture("stuck");
        }
    }

    @Singleton
    public static class Recorder {
        final Map<AsyncFuture<?>, AtomicInteger> annotated = new ConcurrentHashMap<>();
        final Map<AsyncFuture<?>, AtomicInteger> runtime = new ConcurrentHashMap<>();
        final AtomicBoolean thrown = new AtomicBoolean();

        @OnDone(task = "stuck")
        void done(AsyncFuture<String> future) {
            annotated.computeIfAbsent(future, f -> new AtomicInteger()).incrementAndGet();
            if (future.isCancelled() && thrown.compareAndSet(false, true)) {
                throw new CallbackError();
            }
        }

        void runtime(AsyncFuture<String> future) {
            runtime.computeIfAbsent(future, f -> new AtomicInteger()).incrementAndGet();
        }
    }

    @Test
    void anErrorFromOneCancelledCallsCallbackDoesNotAbandonTheOthers() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<AsyncFuture<String>> futures = new ArrayList<>();
        Recorder recorder;
        try {
            SeContainer container = Containers.boot(
                    Map.of("dev.cdiasync.threads", "2", "dev.cdiasync.shutdown-grace-ms", "300"),
                    Work.class, Recorder.class);
            recorder = container.select(Recorder.class).get();
            Work work = container.select(Work.class).get();
            List<CountDownLatch> started = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                CountDownLatch s = new CountDownLatch(1);
                started.add(s);
                AsyncFuture<String> future = (AsyncFuture<String>) work.stuck(s, never);
                future.addDoneCallback(recorder::runtime);
                futures.add(future);
            }
            assertTrue(started.get(0).await(30, SECONDS));
            assertTrue(started.get(1).await(30, SECONDS));
            try {
                container.close();
            } catch (CallbackError | RuntimeException passedOn) {
                // An Error is not swallowed: close() may pass it on. What matters is what was done before.
            }
        } finally {
            never.countDown();
        }

        assertTrue(recorder.thrown.get(), "a callback threw its Error");
        for (int i = 0; i < futures.size(); i++) {
            AsyncFuture<String> future = futures.get(i);
            assertTrue(future.isCancelled(), "call " + i + " was cancelled by the drain: " + future);
            AtomicInteger annotated = recorder.annotated.get(future);
            assertEquals(1, annotated == null ? 0 : annotated.get(), "annotated callback of call " + i);
            AtomicInteger runtime = recorder.runtime.get(future);
            assertEquals(1, runtime == null ? 0 : runtime.get(), "runtime callback of call " + i);
        }
        List<Thread> left = Containers.liveAsyncThreads();
        assertTrue(left.isEmpty(), "default executor threads alive after close(): " + Containers.describe(left));
        List<Thread> bodies = Containers.stillAlive(Work.THREADS);
        assertTrue(bodies.isEmpty(), "threads that ran bodies alive after close(): " + Containers.describe(bodies));
    }
}
