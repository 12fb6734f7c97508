package dev.cdiasync.it.cancellation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.SingleThread;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Proves semantics 7 on Weld SE: cancel(false) and cancel(true) of queued, running and stage-returning calls. */
@ExtendWith(WeldJunit5Extension.class)
class CancellationTest {

    @ApplicationScoped
    public static class Jobs {
        @Async(task = "job", executor = "single")
        public CompletableFuture<String> job(Job job) {
            job.thread = Thread.currentThread().getName();
            job.started.countDown();
            try {
                job.released = job.release.await(30, SECONDS);
            } catch (InterruptedException e) {
                job.interrupted = true;
            } finally {
                job.finished.countDown();
            }
            return CompletableFuture.completedFuture("body result");
        }

        @Async(task = "blocker", executor = "single")
        public CompletableFuture<String> blocker(Job job) {
            return job(job);
        }

        @Async(task = "staged", executor = "single")
        public CompletionStage<String> staged(Job job) {
            job.started.countDown();
            job.finished.countDown();
            return job.stage;
        }
    }

    /** Records every done-callback call: which task, on which thread, and what the future said. */
    @ApplicationScoped
    public static class Recorder {
        private final List<String> events = new CopyOnWriteArrayList<>();

        /* Through a method: the test holds a client proxy, whose fields are not the bean's. */
        public List<String> events() {
            return events;
        }

        @OnDone(task = "job")
        void job(AsyncFuture<String> future) {
            events.add(describe("annotated", future));
        }

        @OnDone(task = "staged")
        void staged(AsyncFuture<String> future) {
            events.add(describe("annotated", future));
        }

        public void runtime(AsyncFuture<String> future) {
            events.add(describe("runtime", future));
        }

        static String describe(String kind, AsyncFuture<String> future) {
            return kind + " " + future.taskName() + " cancelled=" + future.isCancelled() + " done=" + future.isDone()
                    + " on " + Thread.currentThread().getName();
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(SingleThread.class, Jobs.class, Recorder.class);

    @Inject
    Jobs jobs;
    @Inject
    Recorder recorder;
    @Inject
    SingleThread single;

    private static String me() {
        return Thread.currentThread().getName();
    }

    private static List<String> cancelledCallbacks(String task) {
        return List.of("annotated " + task + " cancelled=true done=true on " + me(),
                "runtime " + task + " cancelled=true done=true on " + me());
    }

    @Test
    void cancelFalseCompletesAtOnceAndRunsCallbacksOnTheCancellingThreadWithoutInterrupting() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.job(job);
        assertTrue(job.started.await(30, SECONDS), "body started");
        future.addDoneCallback(recorder::runtime);
        assertTrue(future.isRunning(), "running while the body runs");
        assertTrue(recorder.events().isEmpty(), recorder.events().toString());

        assertTrue(future.cancel(false));

        // Before cancel returned: done, cancelled, callbacks run here in order, body still running.
        assertTrue(future.isDone());
        assertTrue(future.isCancelled());
        assertFalse(future.isRunning());
        assertEquals(cancelledCallbacks("job"), recorder.events());
        assertEquals(1, job.finished.getCount(), "cancel(false) must not wait for or stop the body");
        assertThrows(CancellationException.class, () -> future.get(30, SECONDS));

        job.release.countDown();
        assertTrue(job.finished.await(30, SECONDS));
        single.flush();
        assertFalse(job.interrupted, "cancel(false) must not interrupt the body");
        assertTrue(job.released);
        // The body's later outcome is ignored and the callbacks never run again.
        assertTrue(future.isCancelled());
        assertTrue(future.cancel(true), "cancel on a cancelled future answers isCancelled()");
        assertEquals(cancelledCallbacks("job"), recorder.events());
    }

    @Test
    void cancelTrueInterruptsTheRunningBodyAndIgnoresItsOutcome() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.job(job);
        assertTrue(job.started.await(30, SECONDS), "body started");
        future.addDoneCallback(recorder::runtime);

        assertTrue(future.cancel(true));

        assertTrue(future.isCancelled());
        assertEquals(cancelledCallbacks("job"), recorder.events());
        assertTrue(job.finished.await(30, SECONDS), "the interrupted body ends");
        single.flush();
        assertTrue(job.interrupted, "the body observed the interrupt");
        assertFalse(job.released);
        assertTrue(future.isCancelled(), "the body's later outcome is ignored");
        assertThrows(CancellationException.class, future::join);
        assertEquals(cancelledCallbacks("job"), recorder.events(), "callbacks run once");
    }

    @ParameterizedTest(name = "cancel({0})")
    @ValueSource(booleans = {false, true})
    void aBodyCancelledBeforeItStartedNeverStarts(boolean mayInterrupt) throws Exception {
        Job blocker = new Job();
        jobs.blocker(blocker);
        assertTrue(blocker.started.await(30, SECONDS));
        Job queued = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.job(queued);
        future.addDoneCallback(recorder::runtime);
        assertFalse(future.isRunning(), "a queued call is not running");

        assertTrue(future.cancel(mayInterrupt));

        assertEquals(cancelledCallbacks("job"), recorder.events());
        blocker.release.countDown();
        single.flush();
        assertEquals(1, queued.started.getCount(), "the cancelled body never started");
        assertTrue(future.isCancelled());
        assertFalse(blocker.interrupted, "cancelling the queued call left the running one alone");
        assertEquals(cancelledCallbacks("job"), recorder.events());
    }

    @Test
    void cancelTrueCancelsTheUnfinishedStageTheBodyReturned() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.staged(job);
        assertTrue(job.finished.await(30, SECONDS), "body returned its stage");
        future.addDoneCallback(recorder::runtime);
        assertFalse(future.isDone(), "the future waits for the returned stage");

        assertTrue(future.cancel(true));

        assertEquals(cancelledCallbacks("staged"), recorder.events());
        single.flush(); // the worker is through adopting the stage
        assertTrue(job.stage.isCancelled(), "the returned stage is cancelled too");
        assertTrue(future.isCancelled());
        assertEquals(cancelledCallbacks("staged"), recorder.events());
    }

    @Test
    void cancelFalseLeavesTheReturnedStageAloneAndIgnoresItsLaterOutcome() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.staged(job);
        assertTrue(job.finished.await(30, SECONDS));
        single.flush();

        assertTrue(future.cancel(false));

        assertFalse(job.stage.isDone(), "cancel(false) does not cancel the returned stage");
        assertTrue(job.stage.complete("late"));
        assertTrue(future.isCancelled(), "the stage's later outcome is ignored");
        assertEquals(List.of("annotated staged cancelled=true done=true on " + me()), recorder.events());
    }

    @Test
    void isRunningIsTrueOnlyWhileTheBodyRuns() throws Exception {
        Job first = new Job();
        AsyncFuture<String> running = (AsyncFuture<String>) jobs.job(first);
        Job second = new Job();
        AsyncFuture<String> queued = (AsyncFuture<String>) jobs.job(second);
        assertTrue(first.started.await(30, SECONDS));

        assertTrue(running.isRunning());
        assertFalse(queued.isRunning(), "queued behind the first call");
        assertFalse(running.isDone());

        first.release.countDown();
        assertEquals("body result", running.get(30, SECONDS));
        assertFalse(running.isRunning(), "done");
        assertTrue(second.started.await(30, SECONDS));
        assertTrue(queued.isRunning());
        second.release.countDown();
        assertEquals("body result", queued.get(30, SECONDS));
        assertFalse(queued.isRunning());
        assertFalse(running.cancel(true), "a completed future cannot be cancelled");
        assertFalse(running.isCancelled());
        single.flush();
        assertEquals(List.of("annotated job cancelled=false done=true on single-worker",
                "annotated job cancelled=false done=true on single-worker"), recorder.events());
    }

    @Test
    void cancelFromAnotherThreadRunsTheCallbacksThere() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.job(job);
        assertTrue(job.started.await(30, SECONDS));
        future.addDoneCallback(recorder::runtime);
        Thread canceller = new Thread(() -> future.cancel(true), "canceller");
        canceller.start();
        canceller.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(canceller.isAlive());

        assertEquals(List.of("annotated job cancelled=true done=true on canceller",
                "runtime job cancelled=true done=true on canceller"), recorder.events());
        assertTrue(job.finished.await(30, SECONDS));
        assertTrue(job.interrupted);
    }
}
