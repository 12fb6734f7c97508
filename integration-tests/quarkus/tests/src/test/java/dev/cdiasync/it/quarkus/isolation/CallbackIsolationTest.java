package dev.cdiasync.it.quarkus.isolation;

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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.it.quarkus.support.Journal;
import dev.cdiasync.it.quarkus.support.LogCapture;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Semantics 4 on Quarkus: a throwing callback, annotated or added at run time, is logged at WARNING
 * naming task and callback, reported once as a CallbackFailure event with the right fields, and
 * neither stops the later callbacks nor changes the future.
 */
@QuarkusTest
class CallbackIsolationTest {

    @Inject
    Job job;

    @Inject
    Reporter reporter;

    @Inject
    FailureRecorder recorder;

    @Inject
    Journal journal;

    @BeforeEach
    void clear() {
        journal.reset();
        recorder.reset();
    }

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

            List<CallbackFailure> failures = recorder.failures();
            assertEquals(2, failures.size(), failures::toString);
            CallbackFailure failure = failures.get(1);
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
}
