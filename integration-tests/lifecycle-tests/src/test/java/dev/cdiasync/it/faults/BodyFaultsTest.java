package dev.cdiasync.it.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Proves that a body failing with an Error (a real StackOverflowError included) or interrupted while waiting fails its future with it, callbacks see it, and the pool goes on. */
@ExtendWith(WeldJunit5Extension.class)
class BodyFaultsTest {

    /** An application Error, thrown by a body. */
    public static final class BodyError extends Error {
        private static final long serialVersionUID = 1L;

        BodyError(String message) {
            super(message);
        }
    }

    @ApplicationScoped
    public static class Work {
        private final CountDownLatch waiting = new CountDownLatch(1);
        private volatile Thread waiter;

        @Async(task = "error")
        public CompletableFuture<String> error(BodyError error) {
            throw error;
        }

        @Async(task = "recursion")
        public CompletableFuture<Integer> recursion() {
            return CompletableFuture.completedFuture(depth(0));
        }

        private static int depth(int n) {
            return depth(n + 1) + 1; // no base case: ends in a real StackOverflowError
        }

        @Async(task = "waiting")
        public CompletableFuture<String> waiting(CountDownLatch never) throws InterruptedException {
            waiter = Thread.currentThread();
            waiting.countDown();
            never.await(); // interrupted by the test
            return CompletableFuture.completedFuture("not interrupted");
        }

        @Async(task = "plain")
        public CompletableFuture<String> plain() {
            return CompletableFuture.completedFuture("fine on " + Thread.currentThread().getName());
        }

        public Thread waiter() throws InterruptedException {
            assertTrue(waiting.await(30, SECONDS));
            return waiter;
        }
    }

    /** Records, per task, what its annotated callback saw the future fail with. */
    @ApplicationScoped
    public static class Recorder {
        private final Map<String, Throwable> seen = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> called = Map.of("error", new CountDownLatch(1),
                "recursion", new CountDownLatch(1), "waiting", new CountDownLatch(1));

        @OnDone(task = "error")
        void error(AsyncFuture<?> future) {
            record(future);
        }

        @OnDone(task = "recursion")
        void recursion(AsyncFuture<?> future) {
            record(future);
        }

        @OnDone(task = "waiting")
        void waiting(AsyncFuture<?> future) {
            record(future);
        }

        private void record(AsyncFuture<?> future) {
            try {
                future.get();
            } catch (ExecutionException e) {
                seen.put(future.taskName(), e.getCause());
            } catch (Exception e) {
                seen.put(future.taskName(), e);
            }
            called.get(future.taskName()).countDown();
        }

        public Throwable seen(String task) throws InterruptedException {
            assertTrue(called.get(task).await(30, SECONDS), "callback of " + task + " ran");
            return seen.get(task);
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Work.class, Recorder.class);

    @Inject
    Work work;
    @Inject
    Recorder recorder;

    private void poolStillWorks() throws Exception {
        assertTrue(work.plain().get(30, SECONDS).startsWith("fine on cdi-async-"));
    }

    @Test
    void aBodyThatThrowsAnErrorFailsTheFutureWithIt() throws Exception {
        BodyError error = new BodyError("out of something");
        AsyncFuture<String> future = (AsyncFuture<String>) work.error(error);

        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertSame(error, failure.getCause());
        assertSame(error, recorder.seen("error"), "the callback sees the Error");
        poolStillWorks();
    }

    @Test
    void aBodyThatOverflowsTheStackFailsTheFutureWithTheStackOverflowError() throws Exception {
        AsyncFuture<Integer> future = (AsyncFuture<Integer>) work.recursion();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertInstanceOf(StackOverflowError.class, failure.getCause());
        assertSame(failure.getCause(), recorder.seen("recursion"));
        assertFalse(future.isCancelled());
        poolStillWorks();
    }

    @Test
    void aBodyInterruptedWhileWaitingFailsWithTheInterruptedException() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) work.waiting(new CountDownLatch(1));
        Thread waiter = work.waiter();
        assertTrue(future.isRunning());

        waiter.interrupt(); // not a cancel: something else interrupts the worker

        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertInstanceOf(InterruptedException.class, failure.getCause());
        assertInstanceOf(InterruptedException.class, recorder.seen("waiting"));
        assertFalse(future.isCancelled(), "an interrupt is a failure, not a cancellation");
        assertEquals(false, future.isRunning());
        poolStillWorks();
    }
}
