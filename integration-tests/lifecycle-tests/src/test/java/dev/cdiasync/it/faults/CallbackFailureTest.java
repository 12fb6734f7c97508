package dev.cdiasync.it.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.logging.LogRecord;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import dev.cdiasync.testing.LogCapture;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Proves semantics 4: a throwing callback, annotated or runtime, leaves the future unchanged, later callbacks run, a WARNING names it and a CallbackFailure is fired. */
@ExtendWith(WeldJunit5Extension.class)
class CallbackFailureTest {

    static final String THROWING = "dev.cdiasync.it.faults.CallbackFailureTest$Callbacks#throwing(AsyncFuture)";

    @ApplicationScoped
    public static class Work {
        @Async(task = "fragile")
        public CompletableFuture<String> fragile(CountDownLatch go) throws InterruptedException {
            go.await(30, SECONDS);
            return CompletableFuture.completedFuture("value");
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final IllegalStateException boom = new IllegalStateException("callback boom");

        @OnDone(task = "fragile")
        @Priority(10)
        void first(AsyncFuture<String> future) {
            events.add("first " + future.join());
        }

        @OnDone(task = "fragile")
        @Priority(20)
        void throwing(AsyncFuture<String> future) {
            throw boom;
        }

        @OnDone(task = "fragile")
        @Priority(30)
        void third(AsyncFuture<String> future) {
            events.add("third " + future.join());
        }

        public List<String> events() {
            return events;
        }

        public IllegalStateException boom() {
            return boom;
        }
    }

    @ApplicationScoped
    public static class Failures {
        private final List<CallbackFailure> seen = new CopyOnWriteArrayList<>();

        void on(@Observes CallbackFailure failure) {
            seen.add(failure);
        }

        public List<CallbackFailure> seen() {
            return seen;
        }
    }

    /** A runtime callback that throws, with a recognisable toString(). */
    static final class ThrowingCallback implements Consumer<AsyncFuture<String>> {
        final RuntimeException failure = new UnsupportedOperationException("runtime boom");

        @Override
        public void accept(AsyncFuture<String> future) {
            throw failure;
        }

        @Override
        public String toString() {
            return "the throwing runtime callback";
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Work.class, Callbacks.class, Failures.class);

    @Inject
    Work work;
    @Inject
    Callbacks callbacks;
    @Inject
    Failures failures;

    private final LogCapture log = LogCapture.start();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void aThrowingCallbackIsLoggedAndReportedAndChangesNothingElse() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) work.fragile(go);
        ThrowingCallback throwing = new ThrowingCallback();
        CountDownLatch last = new CountDownLatch(1);
        future.addDoneCallback(throwing);
        future.addDoneCallback(done -> {
            callbacks.events().add("runtime " + done.join());
            last.countDown();
        });
        go.countDown();
        assertTrue(last.await(30, SECONDS), "the last callback ran");

        assertEquals("value", future.get(30, SECONDS), "the future is unchanged");
        assertFalse(future.isCompletedExceptionally());
        assertEquals(List.of("first value", "third value", "runtime value"), callbacks.events(),
                "the callbacks after each failure still ran, in order");

        List<CallbackFailure> seen = failures.seen();
        assertEquals(2, seen.size(), seen.toString());
        assertEquals(new CallbackFailure("fragile", THROWING, future, callbacks.boom()), seen.get(0));
        assertEquals(new CallbackFailure("fragile", "the throwing runtime callback", future, throwing.failure),
                seen.get(1));

        assertWarning(callbacks.boom(), THROWING);
        assertWarning(throwing.failure, "the throwing runtime callback");
    }

    private void assertWarning(Throwable failure, String callback) {
        List<LogRecord> records = log.warnings().stream().filter(r -> r.getThrown() == failure).toList();
        assertEquals(1, records.size(), "one WARNING on dev.cdiasync carries " + failure);
        String message = records.get(0).getMessage();
        assertTrue(message.contains("fragile") && message.contains(callback),
                "the warning names the task and the callback: " + message);
        assertSame(failure, records.get(0).getThrown());
    }
}
