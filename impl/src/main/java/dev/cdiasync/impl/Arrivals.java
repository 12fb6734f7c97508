package dev.cdiasync.impl;

/**
 * The bodies that other processes sent this deployment and that run here now, for the shutdown
 * drain: it waits for them within the grace period, then refuses new ones.
 *
 * <p>Invariants, kept under this object's monitor: {@code running} counts the bodies between a
 * successful {@link #enter} and their {@link #exit}; once {@link #close} has set {@code closed},
 * {@code enter} fails, so {@code running} only falls; {@link #awaitIdle} is woken by the exit that
 * brings it to zero.
 */
final class Arrivals {

    private int running;
    private boolean closed;

    /** @return false if the drain has ended: the body must be refused */
    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    synchronized void exit() {
        if (--running == 0) {
            notifyAll();
        }
    }

    /**
     * Waits until no arrived body runs but the caller's own, or until the deadline.
     *
     * @param own 1 if the waiting thread runs an arrived body itself (one that closes its container), else 0
     * @return how many others still run
     */
    synchronized int awaitIdle(long deadlineNanos, int own) throws InterruptedException {
        long left;
        while (running > own && (left = deadlineNanos - System.nanoTime()) > 0) {
            long millis = Math.max(1, left / 1_000_000);
            wait(millis);
        }
        return running - own;
    }

    /** From now on every body that arrives is refused. */
    synchronized void close() {
        closed = true;
    }
}
