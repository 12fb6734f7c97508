package dev.cdiasync.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Level;

/**
 * The calls submitted and not yet through their callbacks, and the shutdown drain over them.
 *
 * <p>A call registers in a slot of a fixed table, picked at random and probed a few times, so that
 * the call path takes no lock and allocates nothing; only when the probed slots are all taken (many
 * thousands of calls in flight) does it go to an overflow set.
 *
 * <p>Invariants: a call is registered before it is handed to its executor, and unregistered by its
 * own dispatch, once, after all its callbacks (annotated, then those added before the dispatch
 * ended). A slot is cleared only by the call that holds it. {@code closing} only goes from false to
 * true; a call reads it before and after registering and is refused if it is set. The drain sets
 * it, then scans the table and the overflow until both are empty or the deadline passes.
 */
final class InFlight {

    private static final int SLOTS = 1 << 13;
    private static final int PROBES = 4;
    /** The slot of a call that registered in the overflow set. */
    static final int OVERFLOW = -1;
    /** The slot of a call that never registered (refused at shutdown). */
    static final int NONE = -2;

    private final AtomicReferenceArray<AsyncCall<?>> slots = new AtomicReferenceArray<>(SLOTS);
    private final Set<AsyncCall<?>> overflow = ConcurrentHashMap.newKeySet();
    private final Object drained = new Object();
    private volatile boolean closing;

    /** Hands the call to its executor, or fails it with the reason it cannot run. */
    void submit(AsyncCall<?> call, CallSite site) {
        if (closing) {
            call.refuse(refusal(site));
            return;
        }
        register(call);
        if (closing) {
            // Shutdown began while registering. The drain sets closing, then scans; this call
            // registered, then read closing: one of the two sees the other, so a call is either
            // seen by the drain or refused here, never run after it. Its dispatch unregisters it.
            call.refuse(refusal(site));
            return;
        }
        try {
            if (site.remote != null) {
                call.sendTo(site.remote);
            } else {
                site.executor.execute(call);
            }
        } catch (Throwable rejected) {
            if (!call.refuse(rejected)) {
                // The executor ran the call on this thread (a caller-runs policy) and this came out of
                // it: an Error a callback threw is rethrown, as on any completing thread.
                if (rejected instanceof Error error) {
                    throw error;
                }
                FailureReporter.LOG.log(Level.WARNING, rejected, () -> "The executor of @Async task '"
                        + site.taskName + "' threw after running the call; the call's outcome stands");
            }
        }
    }

    private static RejectedExecutionException refusal(CallSite site) {
        return new RejectedExecutionException("Call of @Async task '" + site.taskName
                + "' refused: the container is shutting down");
    }

    /*
     * The call knows its slot before the table shows it: a drain that finds it there and stops it at
     * once removes it from the right place.
     */
    private void register(AsyncCall<?> call) {
        int start = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < PROBES; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (slots.get(slot) == null) {
                call.slot = slot;
                if (slots.compareAndSet(slot, null, call)) {
                    return;
                }
            }
        }
        call.slot = OVERFLOW;
        overflow.add(call);
    }

    /**
     * Called once the call's callbacks have run and its body, if it started, has ended (see
     * AsyncCall.parts); a second call for the same call changes nothing.
     */
    void remove(AsyncCall<?> call) {
        int slot = call.slot;
        if (slot == NONE) {
            return;
        } else if (slot == OVERFLOW) {
            overflow.remove(call);
        } else {
            slots.compareAndSet(slot, call, null);
        }
        if (closing) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    boolean isClosing() {
        return closing;
    }

    /** From now on, new calls are refused. */
    void close() {
        closing = true;
    }

    /**
     * Waits until every call is through its callbacks or the deadline passes.
     *
     * @return the calls still in flight at the deadline
     */
    List<AsyncCall<?>> awaitDrained(long deadlineNanos) throws InterruptedException {
        synchronized (drained) {
            for (;;) {
                List<AsyncCall<?>> left = snapshot();
                long wait = deadlineNanos - System.nanoTime();
                if (left.isEmpty() || wait <= 0) {
                    return left;
                }
                // Woken by each removal; the cap bounds the cost of a wake-up missed between scan and wait.
                TimeUnit.NANOSECONDS.timedWait(drained, Math.min(wait, TimeUnit.MILLISECONDS.toNanos(20)));
            }
        }
    }

    private List<AsyncCall<?>> snapshot() {
        List<AsyncCall<?>> left = new ArrayList<>(overflow);
        for (int i = 0; i < SLOTS; i++) {
            AsyncCall<?> call = slots.get(i);
            if (call != null) {
                left.add(call);
            }
        }
        return left;
    }
}
