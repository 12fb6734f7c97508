package dev.cdiasync.it.returntypes;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import dev.cdiasync.testing.LogCapture;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Proves semantics 2: each of the five declared return types gives the caller an AsyncFuture that the
 * body's outcome (value, exception or returned stage, even one that finishes later) completes.
 */
@EnableWeld
class ReturnTypesTest {

    @ApplicationScoped
    public static class Worker {

        @Inject
        Journal journal;

        @Async(task = "voidTask")
        public void voidTask(String text) {
            journal.record("void body " + text);
        }

        @Async(task = "voidFailing")
        public void voidFailing(RuntimeException failure) {
            throw failure;
        }

        @Async(task = "unseenVoidFailure")
        public void unseenVoidFailure(RuntimeException failure) {
            throw failure;
        }

        @Async(task = "future")
        public Future<String> future(String value) {
            return CompletableFuture.completedFuture(value);
        }

        @Async(task = "plainFuture")
        public Future<String> plainFuture(String value) {
            FutureTask<String> task = new FutureTask<>(() -> value);
            task.run();
            return task;
        }

        @Async(task = "completable")
        public CompletableFuture<String> completable(String value) {
            return CompletableFuture.completedFuture(value);
        }

        @Async(task = "stage")
        public CompletionStage<String> stage(String value) {
            return CompletableFuture.completedFuture(value);
        }

        /** A stage that is a CompletableFuture subclass whose future methods throw UnsupportedOperationException. */
        @Async(task = "minimalStage")
        public CompletionStage<String> minimalStage(String value) {
            return CompletableFuture.completedStage(value);
        }

        @Async(task = "asyncFuture")
        public AsyncFuture<String> asyncFuture(String value) {
            return AsyncFuture.completed(value);
        }

        @Async(task = "asyncFutureFailed")
        public AsyncFuture<String> asyncFutureFailed(Throwable failure) {
            return AsyncFuture.failed(failure);
        }

        @Async(task = "later")
        public CompletionStage<String> later(CompletableFuture<String> gate, CountDownLatch returning) {
            returning.countDown();
            return gate.thenApply(value -> value + "!");
        }

        @Async(task = "failedStage")
        public CompletableFuture<String> failedStage(Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }

        @Async(task = "laterFailure")
        public CompletionStage<String> laterFailure(CompletableFuture<String> gate, CountDownLatch returning) {
            returning.countDown();
            return gate.thenApply(value -> {
                throw new IllegalArgumentException(value);
            });
        }
    }

    @ApplicationScoped
    public static class Callbacks {

        @Inject
        Journal journal;

        @OnDone(task = "voidTask")
        void afterVoid(AsyncFuture<?> future) {
            journal.record("void callback done=" + future.isDone() + " value=" + future.join());
        }

        @OnDone(task = "voidFailing")
        void afterVoidFailing(AsyncFuture<?> future) {
            journal.record("void failure seen " + future.isCompletedExceptionally());
        }

        @OnDone(task = "later")
        void afterLater(Future<String> future) throws Exception {
            journal.record("later callback " + future.get());
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Callbacks.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @Test
    void everyFutureTypeIsAnAsyncFutureWithTheBodysValue() throws Exception {
        List<Future<String>> futures = List.of(worker.future("a"), worker.plainFuture("b"),
                worker.completable("c"), worker.stage("d").toCompletableFuture(), worker.asyncFuture("e"));
        List<String> tasks = List.of("future", "plainFuture", "completable", "stage", "asyncFuture");
        List<String> values = List.of("a", "b", "c", "d", "e");

        for (int i = 0; i < futures.size(); i++) {
            AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, futures.get(i), tasks.get(i));
            assertEquals(values.get(i), future.get(Journal.TIMEOUT_SECONDS, SECONDS), tasks.get(i));
            assertEquals(tasks.get(i), future.taskName());
        }
    }

    @Test
    void stageDeclaredMethodReturnsTheAsyncFutureItself() throws Exception {
        CompletionStage<String> stage = worker.stage("x");
        AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, stage);
        assertSame(future, stage.toCompletableFuture(), "an AsyncFuture is its own CompletableFuture");
        assertEquals("x", future.get(Journal.TIMEOUT_SECONDS, SECONDS));
    }

    @Test
    void minimalStageReturnedByTheBodyCompletesTheFuture() throws Exception {
        CompletionStage<String> stage = worker.minimalStage("minimal");

        AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, stage);
        assertEquals("minimal", future.get(Journal.TIMEOUT_SECONDS, SECONDS));
    }

    @Test
    void voidTaskStillRunsItsCallbacks() throws Exception {
        worker.voidTask("ran");

        assertEquals(List.of("void body ran", "void callback done=true value=null"), journal.await(2));
    }

    @Test
    void voidTaskFailureReachesItsCallbackNotTheCaller() throws Exception {
        worker.voidFailing(new IllegalStateException("void failed"));

        assertEquals(List.of("void failure seen true"), journal.await(1));
    }

    @Test
    void voidTaskFailureThatNoCallbackSeesIsLoggedAtWarning() throws Exception {
        IllegalStateException failure = new IllegalStateException("nobody listens");
        try (LogCapture log = LogCapture.start()) {
            worker.unseenVoidFailure(failure);

            LogRecord record = log.await(r -> r.getThrown() == failure);
            assertEquals(Level.WARNING, record.getLevel());
            assertEquals(LogCapture.LOGGER, record.getLoggerName());
            assertTrue(LogCapture.message(record).contains("unseenVoidFailure"), LogCapture.message(record));
        }
    }

    @Test
    void unfinishedStageCompletesTheFutureWhenItCompletes() throws Exception {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CountDownLatch returning = new CountDownLatch(1);

        CompletionStage<String> stage = worker.later(gate, returning);
        AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, stage);
        assertTrue(returning.await(Journal.TIMEOUT_SECONDS, SECONDS));

        assertFalse(future.isDone(), "the body has returned, but its stage has not finished");
        assertEquals(List.of(), journal.entries(), "no callback before the stage finishes");

        gate.complete("late");
        assertEquals("late!", future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertEquals(List.of("later callback late!"), journal.await(1));
    }

    @Test
    void failedStageFailsTheFutureWithItsCause() throws Exception {
        IOException failure = new IOException("stage failed");

        Future<String> future = worker.failedStage(failure);

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertSame(failure, thrown.getCause(), "the cause itself, not a CompletionException");
    }

    @Test
    void stageThatFailsLaterFailsTheFutureWithItsCause() throws Exception {
        CompletableFuture<String> gate = new CompletableFuture<>();
        CountDownLatch returning = new CountDownLatch(1);

        Future<String> future = worker.laterFailure(gate, returning).toCompletableFuture();
        assertTrue(returning.await(Journal.TIMEOUT_SECONDS, SECONDS));
        assertFalse(future.isDone());
        gate.complete("bad input");

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertInstanceOf(IllegalArgumentException.class, thrown.getCause(), "unwrapped from CompletionException");
        assertEquals("bad input", thrown.getCause().getMessage());
    }

    @Test
    void asyncFutureFailedFailsTheCallersFuture() throws Exception {
        IOException failure = new IOException("failed on purpose");

        AsyncFuture<String> future = worker.asyncFutureFailed(failure);

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertSame(failure, thrown.getCause());
        assertEquals("asyncFutureFailed", future.taskName());
    }

    @Test
    void completedAndFailedFactoriesMakeDoneFuturesOfNoTask() {
        AsyncFuture<String> completed = AsyncFuture.completed("v");
        assertTrue(completed.isDone());
        assertEquals("v", completed.join());
        assertEquals("", completed.taskName());
        assertFalse(completed.isRunning());

        IOException failure = new IOException("f");
        AsyncFuture<String> failed = AsyncFuture.failed(failure);
        assertTrue(failed.isCompletedExceptionally());
        ExecutionException thrown = assertThrows(ExecutionException.class, failed::get);
        assertSame(failure, thrown.getCause());
        assertEquals("", failed.taskName());

        assertNotSame(AsyncFuture.completed("v"), completed);
    }
}
