package dev.cdiasync.it.quarkus.cancellation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cdiasync.AsyncFuture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Semantics 7 on Quarkus: cancel(true) interrupts a running body; a body not yet started never starts. */
@QuarkusTest
class CancellationTest {

    @Inject
    Jobs jobs;

    @Inject
    CancelRecorder recorder;

    @Inject
    SinglePool single;

    @BeforeEach
    void clear() {
        recorder.reset();
    }

    private static List<String> cancelledCallbacks(String task) {
        String me = Thread.currentThread().getName();
        return List.of("annotated " + task + " cancelled=true done=true on " + me,
                "runtime " + task + " cancelled=true done=true on " + me);
    }

    @Test
    void cancelTrueInterruptsTheRunningBodyAndIgnoresItsOutcome() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.job(job);
        assertTrue(job.started.await(30, SECONDS), "body started");
        future.addDoneCallback(recorder::runtime);
        assertTrue(future.isRunning());

        assertTrue(future.cancel(true));

        assertTrue(future.isCancelled());
        assertEquals(cancelledCallbacks("cancel.job"), recorder.events(), "callbacks ran in cancel, on this thread");
        assertTrue(job.finished.await(30, SECONDS), "the interrupted body ends");
        single.flush();
        assertTrue(job.interrupted, "the body observed the interrupt");
        assertFalse(job.released);
        assertTrue(future.isCancelled(), "the body's later outcome is ignored");
        assertThrows(CancellationException.class, future::join);
        assertEquals(cancelledCallbacks("cancel.job"), recorder.events(), "callbacks run once");
    }

    @Test
    void cancelFalseDoesNotInterruptTheBody() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.job(job);
        assertTrue(job.started.await(30, SECONDS), "body started");
        future.addDoneCallback(recorder::runtime);

        assertTrue(future.cancel(false));

        assertTrue(future.isCancelled());
        assertEquals(cancelledCallbacks("cancel.job"), recorder.events());
        assertEquals(1, job.finished.getCount(), "cancel(false) must not wait for or stop the body");
        job.release.countDown();
        assertTrue(job.finished.await(30, SECONDS));
        single.flush();
        assertFalse(job.interrupted, "cancel(false) must not interrupt the body");
        assertTrue(job.released);
        assertTrue(future.isCancelled());
        assertEquals(cancelledCallbacks("cancel.job"), recorder.events(), "callbacks run once");
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

        assertEquals(cancelledCallbacks("cancel.job"), recorder.events());
        blocker.release.countDown();
        single.flush();
        assertEquals(1, queued.started.getCount(), "the cancelled body never started");
        assertTrue(future.isCancelled());
        assertFalse(blocker.interrupted, "cancelling the queued call left the running one alone");
        assertEquals(cancelledCallbacks("cancel.job"), recorder.events());
    }

    @Test
    void cancelTrueCancelsTheUnfinishedStageTheBodyReturned() throws Exception {
        Job job = new Job();
        AsyncFuture<String> future = (AsyncFuture<String>) jobs.staged(job);
        assertTrue(job.finished.await(30, SECONDS), "body returned its stage");
        future.addDoneCallback(recorder::runtime);
        assertFalse(future.isDone(), "the future waits for the returned stage");

        assertTrue(future.cancel(true));

        assertEquals(cancelledCallbacks("cancel.staged"), recorder.events());
        single.flush(); // the worker is through adopting the stage
        assertTrue(job.stage.isCancelled(), "the returned stage is cancelled too");
        assertTrue(future.isCancelled());
    }
}
