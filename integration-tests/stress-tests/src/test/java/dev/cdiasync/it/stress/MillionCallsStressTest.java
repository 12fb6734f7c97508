package dev.cdiasync.it.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Makes a million {@code @Async} calls on the default executor, some failing and some cancelled, and
 * proves that every future's three {@code @OnDone} callbacks and its runtime callback ran exactly
 * once and in order, that the outcomes add up, and that the heap is back where it was afterwards.
 */
@ExtendWith(WeldJunit5Extension.class)
class MillionCallsStressTest {

    static final int CALLS = 1_000_000;
    /** The calls made before the heap baseline is taken, so that lazy set-up is not mistaken for a leak. */
    static final int WARM_UP = 50_000;
    /** At most this many calls are in flight (submitted and not through their last callback). */
    static final int IN_FLIGHT = 4_096;
    /** How much more heap than the baseline may be in use after the run; a per-call leak of a single small object exceeds it. */
    static final long HEAP_MARGIN = 16L << 20;

    /** A failure that names its call, so that the callbacks can tell which call failed. */
    static final class IndexedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;

        IndexedFailure(int index) {
            super("call " + index + " fails on purpose", null, false, false);
            this.index = index;
        }
    }

    /**
     * The per-call bookkeeping, one int per call, and the three annotated callbacks. Bits of a
     * call's int: 0-2 the last callback step that ran (1-3 annotated, 4 the runtime one); 3-4 how
     * often the body ran; 5-6 the outcome the first callback saw (1 value, 2 failure, 3 cancelled);
     * 7 the caller's cancel returned true.
     */
    @ApplicationScoped
    public static class Ledger {
        static final int STEP = 0b111;
        static final int BODY_ONE = 1 << 3;
        static final int BODY = 0b11 << 3;
        static final int OUTCOME_SHIFT = 5;
        static final int OUTCOME = 0b11 << OUTCOME_SHIFT;
        static final int CANCELLED_BY_CALLER = 1 << 7;
        static final int SUCCEEDED = 1;
        static final int FAILED = 2;
        static final int CANCELLED = 3;

        private AtomicIntegerArray calls;
        private final AtomicInteger violations = new AtomicInteger();
        private final AtomicReference<String> firstViolation = new AtomicReference<>();
        /** The call a thread is cancelling: its callbacks run inside cancel(), on that thread. */
        private final ThreadLocal<Integer> cancelling = new ThreadLocal<>();

        void reset(int size) {
            calls = new AtomicIntegerArray(size);
        }

        int state(int index) {
            return calls.get(index);
        }

        int violations() {
            return violations.get();
        }

        String firstViolation() {
            return firstViolation.get();
        }

        void bodyRan(int index) {
            calls.getAndUpdate(index, s -> (s & BODY) == BODY ? s : s + BODY_ONE);
        }

        void cancelling(Integer index) {
            if (index == null) {
                cancelling.remove();
            } else {
                cancelling.set(index);
            }
        }

        void cancelledByCaller(int index) {
            calls.getAndUpdate(index, s -> s | CANCELLED_BY_CALLER);
        }

        @OnDone(task = "stress")
        @Priority(10)
        void first(AsyncFuture<Integer> future) {
            onCompletingThread(future);
            step(future, indexOf(future), 1);
        }

        @OnDone(task = "stress")
        @Priority(20)
        void second(CompletableFuture<Integer> future) {
            onCompletingThread(future);
            step(future, indexOf(future), 2);
        }

        @OnDone(task = "stress")
        @Priority(30)
        void third(Future<?> future) {
            onCompletingThread(future);
            step(future, indexOf(future), 3);
        }

        /** The callbacks of a future its body completed run on the worker that completed it. */
        private void onCompletingThread(Future<?> future) {
            if (!future.isCancelled() && !Thread.currentThread().getName().startsWith("cdi-async-")) {
                violation("an @OnDone callback of a completed body ran on " + Thread.currentThread()
                        + ", not on a default executor thread");
            }
        }

        void callbackFailed(@Observes CallbackFailure failure) {
            violation("a callback threw: " + failure);
        }

        /** Which call the done future belongs to: its value, its failure, or the call this thread cancels. */
        int indexOf(Future<?> future) {
            if (!future.isDone()) {
                violation("a callback saw a future that is not done: " + future);
                return -1;
            }
            if (future.isCancelled()) {
                Integer index = cancelling.get();
                if (index == null) {
                    violation("callbacks of a cancelled future ran on " + Thread.currentThread()
                            + ", not on the cancelling thread");
                    return -1;
                }
                return index;
            }
            try {
                return (Integer) future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IndexedFailure failure) {
                    return failure.index;
                }
                violation("unexpected failure " + e.getCause());
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                violation("interrupted reading a done future");
                return -1;
            }
        }

        /** Records that callback {@code step} ran for the call: it must come right after step - 1. */
        void step(Future<?> future, int index, int step) {
            if (index < 0) {
                return;
            }
            int outcome = future.isCancelled() ? CANCELLED : index % 10 == 3 ? FAILED : SUCCEEDED;
            int before;
            int after;
            do {
                before = calls.get(index);
                if ((before & STEP) != step - 1) {
                    violation("call " + index + ": callback " + step + " ran after step " + (before & STEP)
                            + " (lost, doubled or out of order)");
                    return;
                }
                int seen = (before & OUTCOME) >>> OUTCOME_SHIFT;
                if (step > 1 && seen != outcome) {
                    violation("call " + index + ": callback " + step + " saw outcome " + outcome + ", the first saw "
                            + seen);
                    return;
                }
                after = (before & ~STEP & ~OUTCOME) | step | outcome << OUTCOME_SHIFT;
            } while (!calls.compareAndSet(index, before, after));
        }

        private void violation(String message) {
            violations.incrementAndGet();
            firstViolation.compareAndSet(null, message);
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Inject
        Ledger ledger;

        @Async(task = "stress")
        public CompletableFuture<Integer> work(int index) {
            ledger.bodyRan(index);
            if (index % 10 == 3) {
                throw new IndexedFailure(index);
            }
            return CompletableFuture.completedFuture(index);
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Ledger.class, Worker.class);

    @Inject
    Worker worker;

    @Inject
    Ledger ledger;

    @Test
    void millionCallsRunEveryCallbackOnceInOrderAndLeaveNoGarbage() throws Exception {
        ledger.reset(CALLS);
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger cancelledByCaller = new AtomicInteger();
        long start = System.nanoTime();

        submit(0, WARM_UP, inFlight, cancelledByCaller);
        awaitAll(inFlight);
        long baseline = usedHeapAfterGc();

        submit(WARM_UP, CALLS, inFlight, cancelledByCaller);
        awaitAll(inFlight);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);

        if (ledger.violations() > 0) {
            fail(ledger.violations() + " violations; the first: " + ledger.firstViolation());
        }
        int succeeded = 0;
        int failed = 0;
        int cancelled = 0;
        for (int index = 0; index < CALLS; index++) {
            switch (checkedOutcome(index, ledger.state(index))) {
                case Ledger.SUCCEEDED -> succeeded++;
                case Ledger.FAILED -> failed++;
                default -> cancelled++;
            }
        }
        assertEquals(CALLS, succeeded + failed + cancelled);
        assertEquals(CALLS / 10, failed, "every tenth call fails");
        assertEquals(cancelledByCaller.get(), cancelled, "a cancelled outcome for each cancel() that answered true");
        assertTrue(cancelled <= CALLS / 10, "only the cancel share can be cancelled");

        long after = usedHeapAfterGc();
        System.out.printf("%,d calls in %d s: %,d succeeded, %,d failed, %,d cancelled; used heap %,d KB after the"
                + " warm-up, %,d KB after the run%n", CALLS, seconds, succeeded, failed, cancelled, baseline >> 10,
                after >> 10);
        assertTrue(after <= baseline + HEAP_MARGIN, () -> String.format("used heap grew from %,d KB to %,d KB over %,d"
                + " calls: something is kept per call", baseline >> 10, after >> 10, CALLS - WARM_UP));
    }

    /** Checks one call's record and returns its outcome. */
    private static int checkedOutcome(int index, int state) {
        if ((state & Ledger.STEP) != 4) {
            fail("call " + index + " ran its callbacks only up to step " + (state & Ledger.STEP));
        }
        int outcome = (state & Ledger.OUTCOME) >>> Ledger.OUTCOME_SHIFT;
        int bodies = (state & Ledger.BODY) >>> 3;
        boolean cancelledHere = (state & Ledger.CANCELLED_BY_CALLER) != 0;
        if (cancelledHere != (outcome == Ledger.CANCELLED)) {
            fail("call " + index + ": cancel() answered " + cancelledHere + " but the outcome is " + outcome);
        }
        if (outcome == Ledger.CANCELLED) {
            if (bodies > 1) {
                fail("cancelled call " + index + " ran its body " + bodies + " times");
            }
        } else {
            if (bodies != 1) {
                fail("call " + index + " ran its body " + bodies + " times");
            }
            int expected = index % 10 == 3 ? Ledger.FAILED : Ledger.SUCCEEDED;
            if (outcome != expected) {
                fail("call " + index + " has outcome " + outcome + ", expected " + expected);
            }
        }
        return outcome;
    }

    /**
     * Makes the calls [from, to) from this thread, at most IN_FLIGHT at a time. Every tenth call
     * (index % 10 == 3) fails; every tenth (index % 10 == 7) is cancelled at once, alternately with
     * and without interruption and with the runtime callback added before or after the cancel.
     */
    private void submit(int from, int to, Semaphore inFlight, AtomicInteger cancelledByCaller)
            throws InterruptedException {
        for (int i = from; i < to; i++) {
            int index = i;
            if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
                fail("no call finished in 30 s; " + IN_FLIGHT + " are stuck in flight");
            }
            AsyncFuture<Integer> future = (AsyncFuture<Integer>) worker.work(index);
            if (index % 20 == 7) {
                addRuntimeCallback(future, index, inFlight);
                cancel(future, index, true, cancelledByCaller);
            } else if (index % 20 == 17) {
                cancel(future, index, false, cancelledByCaller);
                addRuntimeCallback(future, index, inFlight);
            } else {
                addRuntimeCallback(future, index, inFlight);
            }
        }
    }

    private void addRuntimeCallback(AsyncFuture<Integer> future, int index, Semaphore inFlight) {
        future.addDoneCallback(f -> {
            ledger.step(f, index, 4);
            inFlight.release();
        });
    }

    private void cancel(AsyncFuture<Integer> future, int index, boolean interrupt, AtomicInteger cancelledByCaller) {
        ledger.cancelling(index);
        try {
            if (future.cancel(interrupt) && future.isCancelled()) {
                ledger.cancelledByCaller(index);
                cancelledByCaller.incrementAndGet();
            }
        } finally {
            ledger.cancelling(null);
        }
    }

    /** Waits until every call made so far is through its last callback. */
    private static void awaitAll(Semaphore inFlight) throws InterruptedException {
        if (!inFlight.tryAcquire(IN_FLIGHT, 60, TimeUnit.SECONDS)) {
            fail((IN_FLIGHT - inFlight.availablePermits()) + " calls never finished their callbacks");
        }
        inFlight.release(IN_FLIGHT);
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Several rounds, keeping the lowest: one System.gc() may leave garbage that the next one frees.
        for (int round = 0; round < 5; round++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
