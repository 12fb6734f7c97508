package dev.cdiasync.it.isolation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import dev.cdiasync.testing.LogCapture;
import jakarta.inject.Inject;

/**
 * Proves semantics 4: a throwing callback, annotated or added at run time, is logged at WARNING naming
 * task and callback, reported as a CallbackFailure with the right fields, and neither stops the later
 * callbacks nor changes the future.
 */
@EnableWeld
class CallbackIsolationTest {

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Job.class, Reporter.class, FailureRecorder.class, Journal.class);

    @Inject
    Job job;

    @Inject
    Reporter reporter;

    @Inject
    FailureRecorder recorder;

    @Inject
    Journal journal;

    @Test
    void throwingAnnotatedCallbackIsLoggedReportedAndIsolated() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            CountDownLatch gate = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) job.run(gate);
            future.addDoneCallback(f -> journal.record("runtime after"));
            gate.countDown();

            assertEquals(List.of("log", "failure event of " + Reporter.LOG, "after ok", "runtime after"),
                    journal.await(4));

            List<CallbackFailure> failures = recorder.failures();
            assertEquals(1, failures.size(), failures::toString);
            CallbackFailure failure = failures.get(0);
            assertEquals("job", failure.taskName());
            assertEquals(Reporter.LOG, failure.callback());
            assertSame(future, failure.future());
            assertSame(reporter.failure(), failure.failure());

            List<LogRecord> logged = log.carrying(reporter.failure());
            assertEquals(1, logged.size(), "logged once");
            assertEquals(Level.WARNING, logged.get(0).getLevel());
            String message = LogCapture.message(logged.get(0));
            assertTrue(message.contains("'job'") && message.contains(Reporter.LOG), message);

            assertEquals("ok", future.get(Journal.TIMEOUT_SECONDS, SECONDS), "the future is unchanged");
            assertFalse(future.isCompletedExceptionally());
        }
    }

    @Test
    void throwingRuntimeCallbackIsLoggedReportedByItsToStringAndIsolated() throws Exception {
        IllegalArgumentException thrown = new IllegalArgumentException("runtime callback failed");
        Consumer<AsyncFuture<String>> throwing = f -> {
            journal.record("runtime throws");
            throw thrown;
        };
        try (LogCapture log = LogCapture.start()) {
            CountDownLatch gate = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) job.run(gate);
            future.addDoneCallback(throwing).addDoneCallback(f -> journal.record("runtime after"));
            gate.countDown();

            assertEquals(List.of("log", "failure event of " + Reporter.LOG, "after ok", "runtime throws",
                    "failure event of " + throwing, "runtime after"), journal.await(6));

            CallbackFailure failure = recorder.failures().get(1);
            assertEquals("job", failure.taskName());
            assertEquals(throwing.toString(), failure.callback());
            assertSame(future, failure.future());
            assertSame(thrown, failure.failure());

            List<LogRecord> logged = log.carrying(thrown);
            assertEquals(1, logged.size(), "logged once");
            assertEquals(Level.WARNING, logged.get(0).getLevel());
            String message = LogCapture.message(logged.get(0));
            assertTrue(message.contains("'job'") && message.contains(throwing.toString()), message);

            assertEquals("ok", future.get(Journal.TIMEOUT_SECONDS, SECONDS), "the future is unchanged");
        }
    }

    @Test
    void runtimeCallbackThatThrowsWhenAddedAfterCompletionDoesNotThrowToTheCaller() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) job.run(new CountDownLatch(0));
        future.get(Journal.TIMEOUT_SECONDS, SECONDS);
        journal.await(3); // log, its failure event, after

        IllegalStateException thrown = new IllegalStateException("late callback failed");
        // Whether it runs here or on the dispatching thread, nothing reaches this caller.
        future.addDoneCallback(f -> {
            throw thrown;
        });
        future.addDoneCallback(f -> journal.record("after the late one"));

        List<String> entries = journal.await(5);
        assertTrue(entries.get(3).startsWith("failure event of "), entries::toString);
        assertEquals("after the late one", entries.get(4));
        assertSame(thrown, recorder.failures().get(1).failure());
        assertEquals("ok", future.join());
    }
}
