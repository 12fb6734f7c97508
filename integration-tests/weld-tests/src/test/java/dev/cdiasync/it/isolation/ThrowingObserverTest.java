package dev.cdiasync.it.isolation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Proves that an observer of CallbackFailure that throws is logged and ignored: later callbacks run, the future stays. */
@EnableWeld
class ThrowingObserverTest {

    @ApplicationScoped
    public static class ThrowingObserver {

        private final IllegalStateException failure = new IllegalStateException("observer failed");

        @Inject
        Journal journal;

        /** What the observer throws (a method: fields of a client proxy are not the bean's). */
        IllegalStateException failure() {
            return failure;
        }

        void observe(@Observes CallbackFailure event) {
            journal.record("observer throws");
            throw failure;
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Job.class, Reporter.class, ThrowingObserver.class, Journal.class);

    @Inject
    Job job;

    @Inject
    ThrowingObserver observer;

    @Inject
    Journal journal;

    @Test
    void observerFailureIsLoggedAndIgnored() throws Exception {
        try (LogCapture log = LogCapture.start()) {
            CountDownLatch gate = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) job.run(gate);
            future.addDoneCallback(f -> journal.record("runtime after"));
            gate.countDown();

            assertEquals(List.of("log", "observer throws", "after ok", "runtime after"), journal.await(4));
            assertEquals("ok", future.get(Journal.TIMEOUT_SECONDS, SECONDS));

            LogRecord record = log.await(r -> causedBy(r.getThrown(), observer.failure()));
            assertEquals(Level.WARNING, record.getLevel());
        }
    }

    private static boolean causedBy(Throwable thrown, Throwable cause) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == cause) {
                return true;
            }
        }
        return false;
    }
}
