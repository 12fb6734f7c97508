package dev.cdiasync.it.dispatch;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Proves where callbacks run (semantics 3): on the thread that completes the future, be it the
 * worker or a cancelling caller; a callback added during the dispatch joins its end, on that thread;
 * and never on a thread the application did not choose: a timeout's, or the one completing a stage
 * the body returned, hand the callbacks to the call's executor.
 */
@EnableWeld
class CompletingThreadTest {

    @ApplicationScoped
    public static class Worker {

        @Inject
        Journal journal;

        @Async(task = "job")
        public CompletableFuture<String> job(boolean fail, CountDownLatch gate) throws InterruptedException {
            journal.record("body on " + Thread.currentThread().getName());
            gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
            if (fail) {
                throw new IllegalStateException("failed on purpose");
            }
            return CompletableFuture.completedFuture("ok");
        }

        @Async(task = "staged")
        public CompletableFuture<String> staged(CompletableFuture<String> later) {
            return later;
        }
    }

    @ApplicationScoped
    public static class Listener {

        @Inject
        Journal journal;

        @OnDone(task = "job")
        void heard(Future<String> future) {
            journal.record("annotated on " + Thread.currentThread().getName());
        }

        @OnDone(task = "staged")
        void heardStaged(Future<String> future) {
            journal.record("annotated on " + Thread.currentThread().getName());
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Listener.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    private void recordThread(AsyncFuture<?> future, String name) {
        future.addDoneCallback(f -> journal.record(name + " on " + Thread.currentThread().getName()));
    }

    @Test
    void successRunsCallbacksOnTheWorkerThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(false, gate);
        recordThread(future, "runtime");
        gate.countDown();

        List<String> entries = journal.await(3);
        String worker = entries.get(0).substring("body on ".length());
        assertTrue(worker.startsWith("cdi-async-"), worker);
        assertEquals(List.of("body on " + worker, "annotated on " + worker, "runtime on " + worker), entries);
    }

    @Test
    void failureRunsCallbacksOnTheWorkerThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(true, gate);
        recordThread(future, "runtime");
        gate.countDown();

        List<String> entries = journal.await(3);
        String worker = entries.get(0).substring("body on ".length());
        assertEquals(List.of("body on " + worker, "annotated on " + worker, "runtime on " + worker), entries);
        assertTrue(future.isCompletedExceptionally());
    }

    @Test
    void cancellationRunsCallbacksOnTheCancellingThreadBeforeCancelReturns() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(false, gate);
        recordThread(future, "runtime");
        journal.await(1); // the body has started

        String self = Thread.currentThread().getName();
        assertTrue(future.cancel(false));
        List<String> entries = journal.entries();
        gate.countDown();

        assertEquals(List.of("annotated on " + self, "runtime on " + self), entries.subList(1, entries.size()));
    }

    @Test
    void callbackAddedDuringDispatchRunsLastOnTheDispatchingThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(false, gate);
        future.addDoneCallback(f -> {
            journal.record("runtime 1 on " + Thread.currentThread().getName());
            f.addDoneCallback(g -> journal.record("added by runtime 1 on " + Thread.currentThread().getName()));
        });
        recordThread(future, "runtime 2");
        gate.countDown();

        List<String> entries = journal.await(5);
        String worker = entries.get(0).substring("body on ".length());
        assertEquals(List.of("body on " + worker, "annotated on " + worker, "runtime 1 on " + worker,
                "runtime 2 on " + worker, "added by runtime 1 on " + worker), entries);
    }

    @Test
    void aTimeoutRunsCallbacksOnTheCallsExecutorNotOnTheTimerThread() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(false, gate);
        recordThread(future, "runtime");
        journal.await(1); // the body has started

        future.orTimeout(10, MILLISECONDS);

        List<String> entries = journal.await(3);
        gate.countDown();
        String body = entries.get(0).substring("body on ".length());
        String dispatcher = entries.get(1).substring("annotated on ".length());
        assertTrue(dispatcher.startsWith("cdi-async-"), "a thread of the call's executor: " + dispatcher);
        assertNotEquals(body, dispatcher, "another pool thread: the body still holds its own");
        assertEquals(List.of("annotated on " + dispatcher, "runtime on " + dispatcher), entries.subList(1, 3));
        assertTrue(future.isCompletedExceptionally());
    }

    @Test
    void aReturnedStageCompletedByAForeignThreadRunsCallbacksOnTheCallsExecutor() throws Exception {
        CompletableFuture<String> later = new CompletableFuture<>();
        AsyncFuture<String> future = (AsyncFuture<String>) worker.staged(later);
        recordThread(future, "runtime");
        long deadline = System.nanoTime() + SECONDS.toNanos(Journal.TIMEOUT_SECONDS);
        while (later.getNumberOfDependents() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the call has adopted the stage the body returned
        }

        Thread io = new Thread(() -> later.complete("late"), "io-thread");
        io.start();
        io.join();

        assertEquals("late", future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        List<String> entries = journal.await(2);
        String dispatcher = entries.get(0).substring("annotated on ".length());
        assertTrue(dispatcher.startsWith("cdi-async-"), "a thread of the call's executor, not io-thread: " + dispatcher);
        assertEquals(List.of("annotated on " + dispatcher, "runtime on " + dispatcher), entries);
    }
}
