package dev.cdiasync.it.exactlyonce;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Proves that each callback runs exactly once per future on success, failure, cancellation and
 * timeout, whatever completes, cancels or obtrudes the future afterwards (default pool of one thread,
 * so that a later call proves the earlier one is over).
 */
@EnableWeld
class ExactlyOnceTest {

    private static final String THREADS = "dev.cdiasync.threads";

    @ApplicationScoped
    public static class Worker {

        @Inject
        Journal journal;

        @Async(task = "job")
        public CompletableFuture<String> job(boolean fail, CountDownLatch started, CountDownLatch gate) {
            started.countDown();
            try {
                gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
            } catch (InterruptedException e) {
                journal.record("body interrupted");
                return CompletableFuture.completedFuture("after interruption");
            }
            if (fail) {
                throw new IllegalStateException("failed on purpose");
            }
            return CompletableFuture.completedFuture("ok");
        }

        /** Runs on the only pool thread after every call submitted before it. */
        @Async(task = "barrier")
        public Future<Void> barrier() {
            return CompletableFuture.completedFuture(null);
        }
    }

    @ApplicationScoped
    public static class Listener {

        @Inject
        Journal journal;

        @OnDone(task = "job")
        void heard(AsyncFuture<String> future) {
            journal.record("annotated " + outcome(future));
        }
    }

    static String outcome(CompletableFuture<?> future) {
        if (future.isCancelled()) {
            return "cancelled";
        }
        if (future.isCompletedExceptionally()) {
            try {
                future.join();
            } catch (RuntimeException e) {
                return "failed " + e.getCause().getClass().getSimpleName();
            }
        }
        return "ok " + future.join();
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Listener.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @BeforeAll
    static void onePoolThread() {
        System.setProperty(THREADS, "1");
    }

    @AfterAll
    static void defaultPool() {
        System.clearProperty(THREADS);
    }

    private AsyncFuture<String> start(boolean fail, CountDownLatch gate) {
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(fail, new CountDownLatch(1), gate);
        future.addDoneCallback(f -> journal.record("runtime " + outcome(f)));
        return future;
    }

    /** Every way to complete a done future again; none may run a callback again. */
    private static void completeAgain(AsyncFuture<String> future) {
        assertFalse(future.complete("again"));
        assertFalse(future.completeExceptionally(new IllegalStateException("again")));
        future.cancel(true);
        future.orTimeout(1, MILLISECONDS);
        future.completeOnTimeout("again", 1, MILLISECONDS);
        future.obtrudeValue("obtruded");
        future.obtrudeException(new IllegalStateException("obtruded"));
    }

    private void awaitPoolIdle() throws Exception {
        worker.barrier().get(Journal.TIMEOUT_SECONDS, SECONDS);
    }

    @Test
    void onSuccess() throws Exception {
        AsyncFuture<String> future = start(false, new CountDownLatch(0));
        List<String> expected = List.of("annotated ok ok", "runtime ok ok");
        assertEquals(expected, journal.await(2));

        completeAgain(future);
        awaitPoolIdle();
        assertEquals(expected, journal.entries());
    }

    @Test
    void onFailure() throws Exception {
        AsyncFuture<String> future = start(true, new CountDownLatch(0));
        List<String> expected = List.of("annotated failed IllegalStateException",
                "runtime failed IllegalStateException");
        assertEquals(expected, journal.await(2));

        completeAgain(future);
        awaitPoolIdle();
        assertEquals(expected, journal.entries());
    }

    @Test
    void onCancellationWhileTheBodyGoesOnToFinish() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = start(false, gate);

        assertTrue(future.cancel(false));
        List<String> expected = List.of("annotated cancelled", "runtime cancelled");
        assertEquals(expected, journal.entries(), "run by cancel, before it returned");

        gate.countDown(); // the body, if it started, finishes; its outcome is ignored
        awaitPoolIdle();
        assertTrue(future.isCancelled(), "the body's later outcome is ignored");
        completeAgain(future);
        assertEquals(expected, journal.entries());
    }

    @Test
    void onCancellationThatInterruptsTheBody() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(false, started, new CountDownLatch(1));
        future.addDoneCallback(f -> journal.record("runtime " + outcome(f)));
        assertTrue(started.await(Journal.TIMEOUT_SECONDS, SECONDS));

        assertTrue(future.cancel(true));
        awaitPoolIdle();

        // The interrupted body records concurrently with the cancelling thread's callbacks.
        List<String> entries = new ArrayList<>(journal.entries());
        assertTrue(entries.remove("body interrupted"), entries::toString);
        assertEquals(List.of("annotated cancelled", "runtime cancelled"), entries);
        assertTrue(future.isCancelled(), "the body's later outcome is ignored");
        completeAgain(future);
        assertEquals(3, journal.entries().size());
    }

    @Test
    void onTimeout() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = start(false, gate);

        future.orTimeout(50, MILLISECONDS);
        // Done at the timeout, while the body still holds the pool's only thread ...
        ExecutionException timedOut = assertThrows(ExecutionException.class,
                () -> future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertInstanceOf(TimeoutException.class, timedOut.getCause());

        // ... and the callbacks, handed to the pool rather than run on the JDK's timer thread, run once it is free.
        gate.countDown();
        List<String> expected = List.of("annotated failed " + TimeoutException.class.getSimpleName(),
                "runtime failed " + TimeoutException.class.getSimpleName());
        assertEquals(expected, journal.await(2));
        awaitPoolIdle();
        completeAgain(future);
        assertEquals(expected, journal.entries());
    }
}
