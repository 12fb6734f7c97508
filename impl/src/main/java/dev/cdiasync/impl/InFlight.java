package dev.cdiasync.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The calls submitted and not yet through their callbacks, and the shutdown drain over them.
 *
 * <p>Invariants: a call is added before it is handed to its executor and removed by its own
 * dispatch, once, after all its callbacks (annotated, then those added before the dispatch ended); {@code closing} only goes from false to true,
 * and a call that reads it true is refused before it is added. So once closing is set and the
 * set is empty, no call of this deployment is waiting for a body or a callback, except one that
 * passed the check just before closing was set: it is added after, and the drain sees it.
 */
final class InFlight {

    private final Set<AsyncCall<?>> calls = ConcurrentHashMap.newKeySet();
    private final Object drained = new Object();
    private volatile boolean closing;

    /** Hands the call to its executor, or fails it with the reason it cannot run. */
    void submit(AsyncCall<?> call, CallSite site) {
        if (closing) {
            call.refuse(new RejectedExecutionException("Call of @Async task '" + site.taskName
                    + "' refused: the container is shutting down"));
            return;
        }
        calls.add(call);
        try {
            site.executor.execute(call);
        } catch (Throwable rejected) {
            call.refuse(rejected);
        }
    }

    /** Called by each call's dispatch once its callbacks have run. */
    void remove(AsyncCall<?> call) {
        if (calls.remove(call) && closing && calls.isEmpty()) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** From now on, new calls are refused. */
    void close() {
        closing = true;
    }

    boolean isClosing() {
        return closing;
    }

    /**
     * Waits until every call is through its callbacks or the deadline passes.
     *
     * @return the calls still in flight at the deadline
     */
    List<AsyncCall<?>> awaitDrained(long deadlineNanos) throws InterruptedException {
        synchronized (drained) {
            long left;
            while (!calls.isEmpty() && (left = deadlineNanos - System.nanoTime()) > 0) {
                // Woken by the last remove; the cap only bounds the cost of a wake-up we could not foresee.
                TimeUnit.NANOSECONDS.timedWait(drained, Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
        }
        return new ArrayList<>(calls);
    }
}
