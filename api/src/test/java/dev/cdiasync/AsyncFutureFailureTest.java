package dev.cdiasync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves that a throwing done-callback is reported and isolated: later callbacks run, the future is unchanged, Errors surface last. */
class AsyncFutureFailureTest {

    /** An Error of the test's own, so that no real Error is mistaken for it. */
    static final class Boom extends Error {
        private static final long serialVersionUID = 1L;

        Boom(String message) {
            super(message);
        }
    }

    /** A callback with a readable name, as the log must name the callback. */
    record Named(String name, RuntimeException throwing) implements Consumer<AsyncFuture<String>> {
        @Override
        public void accept(AsyncFuture<String> future) {
            throw throwing;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final Logger logger = Logger.getLogger("dev.cdiasync");
    private final List<LogRecord> records = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parentHandlers;

    @BeforeEach
    void captureLog() {
        parentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false); // the expected warnings are asserted, not printed
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(parentHandlers);
    }

    private List<LogRecord> warnings() {
        synchronized (records) {
            return records.stream().filter(r -> r.getLevel() == Level.WARNING).toList();
        }
    }

    @Test
    void throwingCallbackIsLoggedAndNeitherStopsTheNextNorChangesTheFuture() {
        AsyncFuture<String> future = new AsyncFuture<>();
        Recorder recorder = new Recorder(2);
        IllegalStateException thrown = new IllegalStateException("callback failed on purpose");
        future.addDoneCallback(recorder.callback("before"));
        future.addDoneCallback(new Named("the-throwing-callback", thrown));
        future.addDoneCallback(recorder.callback("after"));

        assertTrue(future.complete("value"), "complete() must not see the callback's exception");

        assertEquals(List.of("before", "after"), recorder.labels());
        assertEquals("value", future.join());
        assertFalse(future.isCompletedExceptionally());
        List<LogRecord> warnings = warnings();
        assertEquals(1, warnings.size(), "one WARNING per failed callback");
        assertSame(thrown, warnings.get(0).getThrown());
        String message = warnings.get(0).getMessage();
        assertTrue(message.contains("the-throwing-callback"), "the warning must name the callback: " + message);
    }

    @Test
    void throwingCallbackAddedAfterDoneIsLoggedNotThrownToTheRegisteringThread() {
        AsyncFuture<String> future = AsyncFuture.failed(new IllegalArgumentException("outcome"));
        IllegalStateException thrown = new IllegalStateException("callback failed on purpose");

        assertSame(future, future.addDoneCallback(new Named("late-callback", thrown)));

        assertEquals(1, warnings().size());
        assertSame(thrown, warnings().get(0).getThrown());
        assertTrue(warnings().get(0).getMessage().contains("late-callback"));
        assertTrue(future.isCompletedExceptionally());
    }

    @Test
    void callbackFailedHookHearsEveryFailureInOrderAndMayItselfThrow() {
        List<Object> reported = new ArrayList<>();
        AsyncFuture<String> future = new AsyncFuture<>("reporting") {
            @Override
            protected void callbackFailed(Object callback, Throwable failure) {
                reported.add(callback);
                reported.add(failure);
                throw new IllegalStateException("a broken reporter must not break the dispatch");
            }
        };
        Recorder recorder = new Recorder(1);
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second");
        Named one = new Named("one", first);
        Named two = new Named("two", second);
        future.addDoneCallback(one).addDoneCallback(two).addDoneCallback(recorder.callback("still runs"));

        assertTrue(future.cancel(false));

        assertEquals(List.of(one, first, two, second), reported);
        assertEquals(List.of("still runs"), recorder.labels());
        assertTrue(future.isCancelled());
        // the reporter's own failure is logged, attached to the callback's failure
        assertEquals(2, warnings().size());
        assertEquals(1, first.getSuppressed().length);
    }

    @Test
    void errorIsReportedAndRethrownAfterTheRemainingCallbacksRan() {
        List<Throwable> reported = new ArrayList<>();
        AsyncFuture<String> future = new AsyncFuture<>() {
            @Override
            protected void callbackFailed(Object callback, Throwable failure) {
                reported.add(failure);
            }
        };
        Recorder recorder = new Recorder(2);
        Boom first = new Boom("first error");
        Boom second = new Boom("second error");
        future.addDoneCallback(f -> {
            throw first;
        });
        future.addDoneCallback(recorder.callback("after first"));
        future.addDoneCallback(f -> {
            throw second;
        });
        future.addDoneCallback(recorder.callback("after second"));

        Boom rethrown = assertThrows(Boom.class, () -> future.complete("value"));

        assertSame(first, rethrown, "the first Error is rethrown");
        assertArrayEquals(new Throwable[] {second}, rethrown.getSuppressed(), "later Errors are suppressed in it");
        assertEquals(List.of("after first", "after second"), recorder.labels());
        assertEquals(List.of(first, second), reported);
        assertEquals("value", future.join(), "an Error in a callback does not change the future");
        // the dispatch is over: a new callback runs at once, exactly once
        future.addDoneCallback(recorder.callback("added later"));
        assertEquals(List.of("after first", "after second", "added later"), recorder.labels());
    }

    @Test
    void errorOfCallbackAddedAfterDoneIsThrownToTheRegisteringThreadAndLogged() {
        AsyncFuture<String> future = AsyncFuture.completed("value");
        Boom boom = new Boom("late error");

        assertSame(boom, assertThrows(Boom.class, () -> future.addDoneCallback(f -> {
            throw boom;
        })));

        assertEquals(1, warnings().size());
        assertSame(boom, warnings().get(0).getThrown());
        assertEquals("value", future.join());
    }

    @Test
    void errorInTheDoneHookStillLetsEveryCallbackRun() {
        Boom boom = new Boom("hook error");
        AsyncFuture<String> future = new AsyncFuture<>("hooked") {
            @Override
            protected void done() {
                throw boom;
            }
        };
        Recorder recorder = new Recorder(2);
        future.addDoneCallback(recorder.callback("a")).addDoneCallback(recorder.callback("b"));

        assertSame(boom, assertThrows(Boom.class, () -> future.completeExceptionally(new RuntimeException("x"))));
        assertEquals(List.of("a", "b"), recorder.labels());
    }
}
