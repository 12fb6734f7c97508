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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

/** Proves semantics 8 on Weld SE: closing the container refuses new calls, drains submitted ones within the grace period, then cancels what is left, and leaves no pool thread. */
class ShutdownDrainTest {

    /** One call's body: it waits for {@code go}, then works {@code workMillis}; it records what happened. */
    public static final class Task {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch go;
        final long workMillis;
        volatile boolean ran;
        volatile boolean interrupted;
        volatile boolean finished;

        Task(CountDownLatch go, long workMillis) {
            this.go = go;
            this.workMillis = workMillis;
        }
    }

    /* The threads bodies ran on (virtual threads are not listed by Containers.liveAsyncThreads()). */
    static final Set<Thread> BODY_THREADS = ConcurrentHashMap.newKeySet();

    @ApplicationScoped
    public static class Work {
        @Async(task = "drained")
        public CompletableFuture<String> work(Task task) {
            BODY_THREADS.add(Thread.currentThread());
            task.ran = true;
            task.started.countDown();
            try {
                if (task.go.await(30, SECONDS)) {
                    Thread.sleep(task.workMillis); // simulated work
                    task.finished = true;
                }
            } catch (InterruptedException e) {
                task.interrupted = true;
            }
            return CompletableFuture.completedFuture("done");
        }
    }

    /** What the callbacks saw. A @Singleton, so that the test can read it after the container is gone. */
    @Singleton
    public static class Recorder {
        final Map<AsyncFuture<?>, AtomicInteger> annotated = new ConcurrentHashMap<>();
        final Map<AsyncFuture<?>, AtomicInteger> runtime = new ConcurrentHashMap<>();
        final Map<AsyncFuture<?>, String> threads = new ConcurrentHashMap<>();
        final Map<AsyncFuture<?>, Boolean> sawCancelled = new ConcurrentHashMap<>();
        /* Set by the test: what the annotated callback does besides recording (simulated work). */
        volatile SlowCallback slowAnnotated;
        /* The calls the BeforeDestroyed observers made. */
        final List<AsyncFuture<String>> lateCalls = new ArrayList<>();
        final List<Task> lateTasks = new ArrayList<>();

        @OnDone(task = "drained")
        void annotated(AsyncFuture<String> future) {
            annotated.computeIfAbsent(future, f -> new AtomicInteger()).incrementAndGet();
            threads.put(future, Thread.currentThread().getName());
            sawCancelled.put(future, future.isCancelled());
            SlowCallback slow = slowAnnotated;
            if (slow != null) {
                slow.accept(future);
            }
        }

        void runtime(AsyncFuture<String> future) {
            runtime.computeIfAbsent(future, f -> new AtomicInteger()).incrementAndGet();
        }

        void callDuringShutdown(Work work) {
            Task task = new Task(new CountDownLatch(0), 0);
            AsyncFuture<String> future = (AsyncFuture<String>) work.work(task);
            future.addDoneCallback(this::runtime);
            lateTasks.add(task);
            lateCalls.add(future);
        }
    }

    /** A callback doing 500 ms of simulated work; it records whether it was interrupted or finished. */
    static final class SlowCallback implements java.util.function.Consumer<AsyncFuture<String>> {
        final CountDownLatch started = new CountDownLatch(1);
        volatile boolean interrupted;
        volatile boolean finished;

        @Override
        public void accept(AsyncFuture<String> future) {
            started.countDown();
            try {
                Thread.sleep(500);
                finished = true;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    /** Calls {@code @Async} from a BeforeDestroyed observer that runs before the library's own (lower priority value). */
    @Singleton
    public static class EarlyCaller {
        void onClose(@Observes @Priority(Interceptor.Priority.APPLICATION) @BeforeDestroyed(ApplicationScoped.class) Object event,
                Work work, Recorder recorder) {
            recorder.callDuringShutdown(work);
        }
    }

    /** Calls {@code @Async} from a BeforeDestroyed observer that runs after the library's own. */
    @Singleton
    public static class LateCaller {
        void onClose(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @BeforeDestroyed(ApplicationScoped.class) Object event,
                Work work, Recorder recorder) {
            recorder.callDuringShutdown(work);
        }
    }

    private static void assertNoPoolThreadLeft() {
        List<Thread> left = Containers.liveAsyncThreads();
        assertTrue(left.isEmpty(), "default executor threads alive after close(): " + Containers.describe(left));
        List<Thread> bodies = Containers.stillAlive(BODY_THREADS);
        assertTrue(bodies.isEmpty(), "threads that ran bodies alive after close(): " + Containers.describe(bodies));
    }

    private static void assertRefused(Recorder recorder) throws InterruptedException {
        assertEquals(1, recorder.lateCalls.size(), "the observer made its call");
        AsyncFuture<String> future = recorder.lateCalls.get(0);
        assertTrue(future.isDone(), "a refused call does not hang");
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertInstanceOf(RejectedExecutionException.class, failure.getCause());
        assertNotNull(failure.getCause().getMessage());
        assertTrue(failure.getCause().getMessage().toLowerCase().contains("shut"), failure.getCause().getMessage());
        assertFalse(recorder.lateTasks.get(0).ran, "the body of a refused call never runs");
        assertEquals(1, recorder.annotated.get(future).get(), "annotated callback ran once");
        assertEquals(1, recorder.runtime.get(future).get(), "runtime callback ran once");
    }

    /** Boots with the observer that calls during shutdown, closes, and checks that its call was refused. */
    private static void assertCallDuringShutdownRefused(Class<?> caller) throws InterruptedException {
        Recorder recorder;
        try (SeContainer container = Containers.boot(Map.of(), Work.class, Recorder.class, caller)) {
            recorder = container.select(Recorder.class).get();
        }
        assertRefused(recorder);
        assertNoPoolThreadLeft();
    }

    @Test
    void aCallFromABeforeDestroyedObserverAfterTheDrainBeganIsRefused() throws Exception {
        assertCallDuringShutdownRefused(LateCaller.class);
    }

    @Test
    void aCallFromAnyBeforeDestroyedObserverIsRefusedEvenOneThatRunsBeforeTheLibrarysObserver() throws Exception {
        assertCallDuringShutdownRefused(EarlyCaller.class);
    }

    @Test
    void queuedAndRunningCallsAndTheirCallbacksFinishWithinTheGracePeriod() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Task> tasks = new ArrayList<>();
        List<AsyncFuture<String>> futures = new ArrayList<>();
        Recorder recorder;
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "2"), Work.class, Recorder.class)) {
            recorder = container.select(Recorder.class).get();
            Work work = container.select(Work.class).get();
            for (int i = 0; i < 5; i++) {
                Task task = new Task(go, 150);
                tasks.add(task);
                AsyncFuture<String> future = (AsyncFuture<String>) work.work(task);
                future.addDoneCallback(recorder::runtime);
                futures.add(future);
            }
            assertTrue(tasks.get(0).started.await(30, SECONDS));
            assertTrue(tasks.get(1).started.await(30, SECONDS));
            assertFalse(tasks.get(4).ran, "two threads: the last calls are queued");
            go.countDown();
        } // close(): about 450 ms of work is still queued or running, well within the default grace of 10 s

        for (int i = 0; i < 5; i++) {
            AsyncFuture<String> future = futures.get(i);
            assertEquals("done", future.getNow("not done"), "call " + i + " completed before close() returned");
            assertTrue(tasks.get(i).finished, "call " + i + " finished its work");
            assertFalse(tasks.get(i).interrupted, "call " + i + " was not interrupted");
            assertEquals(1, recorder.annotated.get(future).get(), "annotated callback of call " + i);
            assertEquals(1, recorder.runtime.get(future).get(), "runtime callback of call " + i);
        }
        assertNoPoolThreadLeft();
    }

    @ParameterizedTest(name = "annotated callback = {0}")
    @ValueSource(booleans = {true, false})
    void aCallbackStillRunningWhenTheDrainBeginsGetsTheGracePeriod(boolean annotated) throws Exception {
        SlowCallback slow = new SlowCallback();
        AsyncFuture<String> future;
        try (SeContainer container = Containers.boot(Map.of(), Work.class, Recorder.class)) {
            Recorder recorder = container.select(Recorder.class).get();
            CountDownLatch go = new CountDownLatch(1);
            Task task = new Task(go, 0);
            if (annotated) {
                recorder.slowAnnotated = slow;
            }
            future = (AsyncFuture<String>) container.select(Work.class).get().work(task);
            if (!annotated) {
                future.addDoneCallback(slow);
            }
            go.countDown();
            assertTrue(slow.started.await(30, SECONDS), "the callback is at work");
        } // close() begins while the callback has most of its 500 ms of work ahead (grace: 10 s)

        assertEquals("done", future.getNow("not done"));
        assertFalse(slow.interrupted, "the callback was interrupted although the grace period was not over");
        assertTrue(slow.finished, "the callback finished before close() returned");
        assertNoPoolThreadLeft();
    }

    @Test
    void whatIsLeftAfterTheGracePeriodIsCancelledAndInterruptedAndItsCallbacksRunBeforeCloseReturns() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        List<Task> tasks = new ArrayList<>();
        List<AsyncFuture<String>> futures = new ArrayList<>();
        Recorder recorder;
        try {
            try (SeContainer container = Containers.boot(
                    Map.of("dev.cdiasync.threads", "2", "dev.cdiasync.shutdown-grace-ms", "300"),
                    Work.class, Recorder.class)) {
                recorder = container.select(Recorder.class).get();
                Work work = container.select(Work.class).get();
                for (int i = 0; i < 5; i++) {
                    Task task = new Task(never, 0);
                    tasks.add(task);
                    AsyncFuture<String> future = (AsyncFuture<String>) work.work(task);
                    future.addDoneCallback(recorder::runtime);
                    futures.add(future);
                }
                assertTrue(tasks.get(0).started.await(30, SECONDS));
                assertTrue(tasks.get(1).started.await(30, SECONDS));
            }
        } finally {
            never.countDown(); // whatever happened, no body outlives the test
        }
        String closing = Thread.currentThread().getName();

        for (int i = 0; i < 5; i++) {
            AsyncFuture<String> future = futures.get(i);
            assertTrue(future.isCancelled(), "call " + i + " was cancelled");
            assertEquals(1, recorder.annotated.get(future).get(), "annotated callback of call " + i);
            assertEquals(1, recorder.runtime.get(future).get(), "runtime callback of call " + i);
            assertTrue(recorder.sawCancelled.get(future), "callback of call " + i + " saw isCancelled()");
            assertEquals(closing, recorder.threads.get(future), "callbacks of call " + i + " ran in close()");
        }
        assertTrue(tasks.get(0).interrupted && tasks.get(1).interrupted, "the running bodies were interrupted");
        for (int i = 2; i < 5; i++) {
            assertFalse(tasks.get(i).ran, "queued call " + i + " never started");
        }
        assertNoPoolThreadLeft();
    }
}
