package dev.cdiasync.it.interceptors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
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
 * Proves that application interceptors work with the library: on an @Async method they run inside the
 * asynchronous call, on the worker thread; on an @OnDone method they run (the container calls it), and
 * what they throw is isolated like a callback failure.
 */
@EnableWeld
class ApplicationInterceptorsTest {

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Intercepted.class, AuditInterceptor.class, SabotageInterceptor.class, FailureRecorder.class, Journal.class);

    @Inject
    Intercepted intercepted;

    @Inject
    FailureRecorder recorder;

    @Inject
    Journal journal;

    @Test
    void interceptorOfAnAsyncMethodRunsOnTheWorkerAroundTheBody() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) intercepted.audited(gate);
        assertFalse(future.isDone(), "the interceptor did not hold the caller up");

        List<String> entered = journal.await(2);
        gate.countDown();
        future.get(Journal.TIMEOUT_SECONDS, SECONDS);

        String worker = entered.get(1).substring("body on ".length());
        assertTrue(worker.startsWith("cdi-async-"), worker);
        assertEquals("audit enters audited on " + worker, entered.get(0));
        List<String> entries = journal.await(3);
        assertEquals("audit leaves audited", entries.get(2));
    }

    @Test
    void interceptorsOfCallbacksRunAndWhatTheyThrowIsIsolated() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            AsyncFuture<String> future = (AsyncFuture<String>) intercepted.audited(new CountDownLatch(0));
            future.addDoneCallback(f -> journal.record("runtime after"));

            List<String> entries = journal.await(9);
            String worker = entries.get(1).substring("body on ".length());
            assertEquals(List.of(
                    "audit enters audited on " + worker,
                    "body on " + worker,
                    "audit leaves audited",
                    "audit enters auditedCallback on " + worker,
                    "audited callback",
                    "audit leaves auditedCallback",
                    "sabotage of sabotaged",
                    "last callback ok",
                    "runtime after"), entries);

            List<CallbackFailure> failures = recorder.failures();
            assertEquals(1, failures.size(), failures::toString);
            CallbackFailure failure = failures.get(0);
            assertEquals("audited", failure.taskName());
            assertEquals(Intercepted.SABOTAGED, failure.callback());
            assertSame(future, failure.future());
            assertTrue(failure.failure() instanceof IllegalStateException, failure.failure()::toString);
            assertEquals("interceptor failed", failure.failure().getMessage());

            List<LogRecord> logged = log.carrying(failure.failure());
            assertEquals(1, logged.size());
            assertEquals(Level.WARNING, logged.get(0).getLevel());
            assertTrue(LogCapture.message(logged.get(0)).contains(Intercepted.SABOTAGED));
            assertEquals("ok", future.join(), "the future is unchanged");
        }
    }
}
