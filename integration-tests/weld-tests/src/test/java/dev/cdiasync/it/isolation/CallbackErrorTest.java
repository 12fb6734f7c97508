package dev.cdiasync.it.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import dev.cdiasync.testing.LogCapture;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Proves that an Error thrown by a callback is reported like any failure (logged, CallbackFailure),
 * lets the later callbacks run, and is then rethrown to the completing thread, not swallowed.
 */
@EnableWeld
class CallbackErrorTest {

    /** An Error of the test's own, so that nothing else throws it. */
    static final class Fatal extends Error {
        Fatal(String message) {
            super(message);
        }
    }

    @ApplicationScoped
    public static class Fatalist {

        private final Fatal fatal = new Fatal("annotated callback error");

        @Inject
        Journal journal;

        /** What {@link #fail} throws (a method: fields of a client proxy are not the bean's). */
        Fatal fatal() {
            return fatal;
        }

        @OnDone(task = "job")
        @Priority(1)
        void fail(Future<String> future) {
            journal.record("annotated throws Error");
            throw fatal;
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Job.class, Reporter.class, Fatalist.class, FailureRecorder.class, Journal.class);

    @Inject
    Job job;

    @Inject
    Fatalist fatalist;

    @Inject
    FailureRecorder recorder;

    @Inject
    Journal journal;

    @Test
    void errorOfAnAnnotatedCallbackIsReportedThenRethrownAfterTheOtherCallbacks() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            CountDownLatch gate = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) job.run(gate);
            future.addDoneCallback(f -> journal.record("runtime after"));

            // Cancelling completes the future on this thread, so the rethrown Error surfaces here.
            Fatal rethrown = assertThrows(Fatal.class, () -> future.cancel(false));
            gate.countDown();

            assertSame(fatalist.fatal(), rethrown);
            List<String> entries = journal.entries();
            assertEquals("annotated throws Error", entries.get(0));
            assertTrue(entries.containsAll(List.of("log", "runtime after")), "later callbacks ran: " + entries);
            assertEquals("runtime after", entries.get(entries.size() - 1));

            List<LogRecord> logged = log.carrying(fatalist.fatal());
            assertFalse(logged.isEmpty(), "logged");
            assertTrue(logged.get(0).getLevel().intValue() >= Level.WARNING.intValue());
            String message = LogCapture.message(logged.get(0));
            assertTrue(message.contains("'job'") && message.contains(Fatalist.class.getName() + "#fail(Future)"),
                    message);

            List<Throwable> reported = recorder.failures().stream().map(CallbackFailure::failure).toList();
            assertTrue(reported.contains(fatalist.fatal()), "a CallbackFailure reports the Error too: " + reported);
        }
    }

    @Test
    void errorOfARuntimeCallbackIsReportedThenRethrownAfterTheOtherCallbacks() throws Exception {
        Fatal fatal = new Fatal("runtime callback error");
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) job.run(gate);
        future.addDoneCallback(f -> {
            throw fatal;
        }).addDoneCallback(f -> journal.record("runtime after"));

        Fatal rethrown = assertThrows(Fatal.class, () -> future.cancel(false));
        gate.countDown();

        // Fatalist's own Error comes first; the runtime one is suppressed in it.
        assertSame(fatalist.fatal(), rethrown);
        assertTrue(List.of(rethrown.getSuppressed()).contains(fatal), "suppressed in the first Error");
        assertEquals("runtime after", journal.entries().get(journal.entries().size() - 1));
        List<Throwable> reported = recorder.failures().stream().map(CallbackFailure::failure).toList();
        assertTrue(reported.contains(fatal), "a CallbackFailure reports the runtime Error: " + reported);
    }
}
