package dev.cdiasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Proves the plain API of AsyncFuture: factories, task name, isRunning, and that derived stages carry no done-callbacks. */
class AsyncFutureBasicsTest {

    @Test
    void completedIsDoneWithTheValueAndRunsANewCallbackAtOnce() {
        AsyncFuture<String> future = AsyncFuture.completed("value");
        assertTrue(future.isDone());
        assertFalse(future.isCompletedExceptionally());
        assertEquals("value", future.join());

        Recorder recorder = new Recorder(1);
        future.addDoneCallback(recorder.callback("now"));
        assertEquals(List.of("now"), recorder.labels());
        assertSame(Thread.currentThread(), recorder.threads().get(0));
    }

    @Test
    void failedIsDoneWithTheFailure() {
        IllegalStateException failure = new IllegalStateException("failed");
        AsyncFuture<Integer> future = AsyncFuture.failed(failure);
        assertTrue(future.isDone());
        assertTrue(future.isCompletedExceptionally());
        assertFalse(future.isCancelled());
        assertSame(failure, assertThrows(ExecutionException.class, future::get).getCause());
        assertThrows(NullPointerException.class, () -> AsyncFuture.failed(null));
    }

    @Test
    void taskNameIsEmptyForAPlainFutureAndTheGivenOneOtherwise() {
        assertEquals("", new AsyncFuture<String>().taskName());
        assertEquals("", AsyncFuture.completed(1).taskName());
        AsyncFuture<String> named = new AsyncFuture<>("Worker.work") {
        };
        assertEquals("Worker.work", named.taskName());
        assertTrue(named.toString().contains("Worker.work"), named.toString());
        assertThrows(NullPointerException.class, () -> new AsyncFuture<String>(null) {
        });
    }

    @Test
    void plainFutureIsNeverRunning() {
        AsyncFuture<String> future = new AsyncFuture<>();
        assertFalse(future.isRunning());
        future.completeAsync(() -> {
            assertFalse(future.isRunning());
            return "value";
        }, Runnable::run);
        assertFalse(future.isRunning());
        assertEquals("value", future.join());
    }

    @Test
    void derivedStagesArePlainCompletableFuturesWithoutTheCallbacks() {
        AsyncFuture<String> future = new AsyncFuture<>();
        AtomicInteger calls = new AtomicInteger();
        future.addDoneCallback(f -> calls.incrementAndGet());

        CompletableFuture<Integer> length = future.thenApply(String::length);
        CompletableFuture<String> watched = future.whenComplete((v, t) -> { });
        CompletableFuture<String> recovered = future.exceptionally(t -> "recovered");
        CompletableFuture<String> composed = future.thenCompose(CompletableFuture::completedFuture);
        CompletableFuture<String> copy = future.copy();
        CompletableFuture<Object> incomplete = future.newIncompleteFuture();
        for (CompletableFuture<?> derived : List.of(length, watched, recovered, composed, copy, incomplete)) {
            assertSame(CompletableFuture.class, derived.getClass(), "derived stage " + derived);
        }
        assertSame(future, future.toCompletableFuture());

        assertTrue(future.complete("four"));
        assertEquals(4, length.join());
        assertEquals("four", composed.join());
        assertEquals(1, calls.get());

        // completing or failing a derived stage touches neither the future nor its callbacks
        copy.obtrudeException(new IllegalStateException("derived"));
        incomplete.complete("x");
        assertEquals("four", future.join());
        assertEquals(1, calls.get());
    }

    @Test
    void failedDerivedStageWrapsTheFailureAsUsual() {
        IllegalStateException failure = new IllegalStateException("failed");
        AsyncFuture<String> future = AsyncFuture.failed(failure);
        CompletableFuture<Integer> length = future.thenApply(String::length);
        assertSame(failure, assertThrows(CompletionException.class, length::join).getCause());
    }
}
