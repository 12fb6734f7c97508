package dev.cdiasync.it.isolation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Proves that an Error a callback throws reaches the thread that ran the callbacks, after the other callbacks ran:
 * the worker finishing the body, or, for a stage the body returned that another thread completes, the call's
 * executor thread the callbacks are handed to. It is never swallowed on the way.
 */
@EnableWeld
class CallbackErrorOnCompletingThreadTest {

    /** An Error of the test's own, so that nothing else throws it. */
    static final class Fatal extends Error {
        Fatal(String message) {
            super(message);
        }
    }

    static final Fatal FATAL = new Fatal("callback error");

    /** A one-thread executor whose thread hands what escapes it to a queue the test reads. */
    @ApplicationScoped
    public static class Watched {
        final BlockingQueue<Throwable> escaped = new LinkedBlockingQueue<>();

        @Produces
        @AsyncExecutor("watched")
        ExecutorService executor() {
            return Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "watched-worker");
                thread.setUncaughtExceptionHandler((t, e) -> escaped.add(e));
                return thread;
            });
        }

        void close(@Disposes @AsyncExecutor("watched") ExecutorService executor) {
            executor.shutdownNow();
        }

        BlockingQueue<Throwable> escaped() {
            return escaped;
        }

        @PreDestroy
        void clear() {
            escaped.clear();
        }
    }

    @ApplicationScoped
    public static class Tasks {
        @Async(task = "direct", executor = "watched")
        public CompletableFuture<String> direct() {
            return CompletableFuture.completedFuture("done");
        }

        @Async(task = "staged", executor = "watched")
        public CompletionStage<String> staged(CompletableFuture<String> later) {
            return later;
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        @Inject
        Journal journal;

        @OnDone(task = "direct")
        @Priority(1)
        void failDirect(Future<String> future) {
            journal.record("direct throws");
            throw FATAL;
        }

        @OnDone(task = "direct")
        @Priority(2)
        void afterDirect(Future<String> future) {
            journal.record("direct after");
        }

        @OnDone(task = "staged")
        @Priority(1)
        void failStaged(Future<String> future) {
            journal.record("staged throws");
            throw FATAL;
        }

        @OnDone(task = "staged")
        @Priority(2)
        void afterStaged(Future<String> future) {
            journal.record("staged after");
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Watched.class, Tasks.class, Callbacks.class, Journal.class);

    @Inject
    Watched watched;

    @Inject
    Tasks tasks;

    @Inject
    Journal journal;

    @Test
    void anErrorOfACallbackRunByTheWorkerEscapesTheWorkerAfterTheOtherCallbacks() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) tasks.direct();

        Throwable escaped = watched.escaped().poll(30, SECONDS);

        assertSame(FATAL, escaped);
        assertEquals("done", future.get(30, SECONDS), "the future keeps its outcome");
        assertEquals(List.of("direct throws", "direct after"), journal.entries());
    }

    @Test
    void anErrorOfACallbackHandedToTheExecutorForAReturnedStageEscapesThatExecutorsThread() throws Exception {
        CompletableFuture<String> later = new CompletableFuture<>();
        AsyncFuture<String> future = (AsyncFuture<String>) tasks.staged(later);
        long deadline = System.nanoTime() + SECONDS.toNanos(30);
        while (later.getNumberOfDependents() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait(); // until the call has adopted the stage the body returned
        }
        assertEquals(1, later.getNumberOfDependents(), "the call waits on the returned stage");

        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread completer = new Thread(() -> later.complete("late"), "stage-completer");
        completer.setUncaughtExceptionHandler((t, e) -> escaped.add(e));
        completer.start();
        completer.join(SECONDS.toMillis(30));

        assertSame(FATAL, watched.escaped().poll(30, SECONDS), "the Error escaped the executor's thread");
        assertEquals("late", future.get(30, SECONDS));
        assertEquals(List.of("staged throws", "staged after"), journal.entries());
        assertTrue(escaped.isEmpty(), "nothing reached the thread that completed the stage: " + escaped);
    }
}
