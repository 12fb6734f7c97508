package dev.cdiasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Proves that every way of completing an AsyncFuture runs its done-callbacks exactly once, in order, on the completing thread. */
class AsyncFutureCompletionTest {

    private static final IllegalStateException FAILURE = new IllegalStateException("failed on purpose");

    private ExecutorService executor;

    @BeforeEach
    void startExecutor() {
        executor = Executors.newSingleThreadExecutor(task -> new Thread(task, "completion-test-executor"));
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS), "test executor did not stop");
    }

    /** Each way a future can become done for the first time, with the outcome it must leave. */
    enum Completion {
        COMPLETE {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertTrue(future.complete("value"));
            }
        },
        COMPLETE_EXCEPTIONALLY {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertTrue(future.completeExceptionally(FAILURE));
            }
        },
        CANCEL_INTERRUPTING {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertTrue(future.cancel(true));
            }
        },
        CANCEL {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertTrue(future.cancel(false));
            }
        },
        OR_TIMEOUT {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertSame(future, future.orTimeout(1, TimeUnit.MILLISECONDS));
            }
        },
        COMPLETE_ON_TIMEOUT {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertSame(future, future.completeOnTimeout("value", 1, TimeUnit.MILLISECONDS));
            }
        },
        COMPLETE_ASYNC_ON_EXECUTOR {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertSame(future, future.completeAsync(() -> "value", executor));
            }
        },
        COMPLETE_ASYNC_ON_DEFAULT_EXECUTOR {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                assertSame(future, future.completeAsync(() -> "value"));
            }
        },
        COMPLETE_ASYNC_WITH_FAILING_SUPPLIER {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                future.completeAsync(() -> {
                    throw FAILURE;
                }, executor);
            }
        },
        OBTRUDE_VALUE {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                future.obtrudeValue("value");
            }
        },
        OBTRUDE_EXCEPTION {
            @Override
            void complete(AsyncFuture<String> future, ExecutorService executor) {
                future.obtrudeException(FAILURE);
            }
        };

        abstract void complete(AsyncFuture<String> future, ExecutorService executor);

        /** Whether the callbacks run on the thread that calls {@link #complete}. */
        boolean synchronous() {
            return this == COMPLETE || this == COMPLETE_EXCEPTIONALLY || this == CANCEL_INTERRUPTING || this == CANCEL
                    || this == OBTRUDE_VALUE || this == OBTRUDE_EXCEPTION;
        }

        void assertOutcome(AsyncFuture<String> future) throws InterruptedException {
            assertTrue(future.isDone());
            switch (this) {
                case COMPLETE, COMPLETE_ON_TIMEOUT, COMPLETE_ASYNC_ON_EXECUTOR, COMPLETE_ASYNC_ON_DEFAULT_EXECUTOR,
                        OBTRUDE_VALUE -> assertEquals("value", future.join());
                case COMPLETE_EXCEPTIONALLY, COMPLETE_ASYNC_WITH_FAILING_SUPPLIER, OBTRUDE_EXCEPTION ->
                    assertSame(FAILURE, assertThrows(ExecutionException.class, future::get).getCause());
                case CANCEL_INTERRUPTING, CANCEL -> {
                    assertTrue(future.isCancelled());
                    assertThrows(CancellationException.class, future::join);
                }
                case OR_TIMEOUT -> assertInstanceOf(TimeoutException.class,
                        assertThrows(ExecutionException.class, future::get).getCause());
                default -> throw new AssertionError(this);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Completion.class)
    void everyCompletionRunsEachCallbackOnceInTheOrderAdded(Completion completion) throws Exception {
        AsyncFuture<String> future = new AsyncFuture<>();
        Recorder recorder = new Recorder(3);
        AtomicReference<String> seenInCallback = new AtomicReference<>();
        future.addDoneCallback(recorder.callback("first"))
                .addDoneCallback(f -> {
                    seenInCallback.set(f.isCompletedExceptionally() ? "exceptional" : f.join());
                    recorder.record("second", f);
                })
                .addDoneCallback(recorder.callback("third"));
        assertEquals(List.of(), recorder.labels(), "no callback may run before the future is done");

        Thread completer = new Thread(() -> completion.complete(future, executor), "completer");
        completer.start();
        completer.join(30_000);
        recorder.awaitCalls();

        assertEquals(List.of("first", "second", "third"), recorder.labels());
        assertTrue(recorder.calls().stream().allMatch(Recorder.Call::futureDone), "a callback saw an undone future");
        List<Thread> threads = recorder.threads();
        assertTrue(threads.stream().allMatch(t -> t == threads.get(0)), "callbacks ran on several threads: " + threads);
        if (completion.synchronous()) {
            assertSame(completer, threads.get(0), "callbacks must run on the completing thread");
        } else if (completion == Completion.COMPLETE_ASYNC_ON_EXECUTOR
                || completion == Completion.COMPLETE_ASYNC_WITH_FAILING_SUPPLIER) {
            assertEquals("completion-test-executor", threads.get(0).getName());
        }
        assertNotSame(Thread.currentThread(), threads.get(0));
        completion.assertOutcome(future);
        assertEquals(future.isCompletedExceptionally() ? "exceptional" : "value", seenInCallback.get());

        // Later completions are no-ops for the callbacks; they would run here, synchronously, if re-run.
        assertFalse(future.complete("again"));
        assertFalse(future.completeExceptionally(new IllegalStateException("again")));
        future.cancel(true);
        future.orTimeout(1, TimeUnit.NANOSECONDS);
        future.obtrudeValue("obtruded");
        future.obtrudeException(new IllegalStateException("obtruded"));
        assertEquals(List.of("first", "second", "third"), recorder.labels());
    }

    @Test
    void obtrudeAfterCompletionChangesTheOutcomeButNeverRerunsCallbacks() throws Exception {
        AsyncFuture<String> future = new AsyncFuture<>();
        AtomicInteger calls = new AtomicInteger();
        future.addDoneCallback(f -> calls.incrementAndGet());
        assertTrue(future.complete("first"));
        assertEquals(1, calls.get());

        future.obtrudeValue("second");
        assertEquals("second", future.join());
        future.obtrudeException(FAILURE);
        assertSame(FAILURE, assertThrows(ExecutionException.class, future::get).getCause());
        future.obtrudeValue("third");
        assertEquals("third", future.join());
        assertEquals(1, calls.get(), "obtrude re-ran the callbacks");

        // and a callback added after an obtrude still runs once, at once
        future.addDoneCallback(f -> calls.incrementAndGet());
        assertEquals(2, calls.get());
    }

    @Test
    void callbackAddedAfterDoneRunsAtOnceOnTheRegisteringThread() throws Exception {
        AsyncFuture<String> future = new AsyncFuture<>();
        Recorder recorder = new Recorder(2);
        future.addDoneCallback(recorder.callback("before"));
        assertTrue(future.complete("value"));
        assertEquals(List.of("before"), recorder.labels(), "callbacks must have run when complete() returns");

        AtomicReference<AsyncFuture<String>> returned = new AtomicReference<>();
        Thread registrar = new Thread(() -> {
            returned.set(future.addDoneCallback(recorder.callback("after")));
            // it already ran: it ran on this thread, before addDoneCallback returned
            recorder.record("registrar saw it", future);
        }, "registrar");
        registrar.start();
        registrar.join(30_000);
        assertFalse(registrar.isAlive());

        assertEquals(List.of("before", "after", "registrar saw it"), recorder.labels());
        assertSame(registrar, recorder.calls().get(1).thread());
        assertSame(future, returned.get(), "addDoneCallback returns the future itself");
    }

    @Test
    void callbackAddedByACallbackRunsAfterTheOthersOnTheDispatchingThread() throws Exception {
        AsyncFuture<String> future = new AsyncFuture<>();
        Recorder recorder = new Recorder(5);
        future.addDoneCallback(f -> {
            recorder.record("a", f);
            f.addDoneCallback(g -> {
                recorder.record("x", g);
                g.addDoneCallback(recorder.callback("y"));
            });
        });
        future.addDoneCallback(recorder.callback("b"));
        future.addDoneCallback(recorder.callback("c"));

        Thread completer = new Thread(() -> future.complete("value"), "completer");
        completer.start();
        completer.join(30_000);
        recorder.awaitCalls();

        assertEquals(List.of("a", "b", "c", "x", "y"), recorder.labels());
        assertTrue(recorder.threads().stream().allMatch(t -> t == completer), "ran on " + recorder.threads());
    }

    @Test
    void callbackAddedByAnotherThreadDuringDispatchJoinsTheQueueOfTheDispatchingThread() throws Exception {
        AsyncFuture<String> future = new AsyncFuture<>();
        Recorder recorder = new Recorder(4);
        CountDownLatch dispatching = new CountDownLatch(1);
        CountDownLatch added = new CountDownLatch(1);
        future.addDoneCallback(f -> {
            recorder.record("a", f);
            dispatching.countDown();
            awaitOrFail(added);
        });
        future.addDoneCallback(recorder.callback("b"));
        future.addDoneCallback(recorder.callback("c"));

        Thread completer = new Thread(() -> future.complete("value"), "completer");
        completer.start();
        awaitOrFail(dispatching);
        // The future is done and its dispatch is running: this callback must queue behind b and c.
        assertTrue(future.isDone());
        future.addDoneCallback(recorder.callback("late"));
        assertEquals(List.of("a"), recorder.labels(), "the late callback ran on the registering thread too early");
        added.countDown();
        completer.join(30_000);
        recorder.awaitCalls();

        assertEquals(List.of("a", "b", "c", "late"), recorder.labels());
        assertTrue(recorder.threads().stream().allMatch(t -> t == completer), "ran on " + recorder.threads());
    }

    @Test
    void doneHookRunsOnceBeforeTheAddedCallbacks() {
        Recorder recorder = new Recorder(0);
        AtomicInteger hooks = new AtomicInteger();
        AsyncFuture<String> future = new AsyncFuture<>("task") {
            @Override
            protected void done() {
                hooks.incrementAndGet();
                recorder.record("done hook", this);
            }
        };
        future.addDoneCallback(recorder.callback("added"));
        future.cancel(false);
        future.complete("late");
        future.obtrudeValue("obtruded");
        future.addDoneCallback(recorder.callback("after"));

        assertEquals(1, hooks.get());
        assertEquals(List.of("done hook", "added", "after"), recorder.labels());
    }

    @Test
    void onlyTheCancelThatInterruptsCallsInterruptTaskAndBeforeAnyCallback() {
        List<String> events = new java.util.ArrayList<>();
        class Probe extends AsyncFuture<String> {
            Probe() {
                super("probe");
                addDoneCallback(f -> events.add("callback of " + f.taskName()));
            }

            @Override
            protected void interruptTask() {
                events.add("interrupt " + taskName());
            }
        }

        Probe interrupted = new Probe();
        assertTrue(interrupted.cancel(true));
        assertTrue(interrupted.cancel(true), "cancel of a cancelled future answers true");
        assertEquals(List.of("interrupt probe", "callback of probe"), events);

        events.clear();
        Probe notInterrupted = new Probe();
        assertTrue(notInterrupted.cancel(false));
        assertEquals(List.of("callback of probe"), events);

        events.clear();
        Probe completed = new Probe();
        completed.complete("value");
        assertFalse(completed.cancel(true), "cancel of a completed future answers false");
        assertFalse(completed.isCancelled());
        assertEquals(List.of("callback of probe"), events);
    }

    @Test
    void nullCallbackIsRefused() {
        AsyncFuture<String> future = new AsyncFuture<>();
        Consumer<AsyncFuture<String>> none = null;
        assertThrows(NullPointerException.class, () -> future.addDoneCallback(none));
        future.complete("value");
        assertThrows(NullPointerException.class, () -> future.addDoneCallback(none));
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
