package dev.cdiasync.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the benchmark thread waits on in every case: done-callbacks report here, and the op ends
 * when the expected number of them has run. The same object for every case, so that its own cost
 * (three small objects, one atomic add per callback, one park) is the same in every row.
 */
public final class Arrival {

    private final int expected;
    private final AtomicInteger arrived = new AtomicInteger();
    private final CompletableFuture<Object> all = new CompletableFuture<>();

    public Arrival(int expected) {
        this.expected = expected;
    }

    /** Called by a done-callback with the value it saw. */
    public void arrive(Object value) {
        if (arrived.incrementAndGet() == expected) {
            all.complete(value);
        }
    }

    /** Waits until every expected callback has run; returns the value the last one saw. */
    public Object await() {
        return await(30, TimeUnit.SECONDS);
    }

    public Object await(long timeout, TimeUnit unit) {
        try {
            return all.get(timeout, unit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for done-callbacks", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(arrived.get() + " of " + expected + " done-callbacks ran", e);
        }
    }

    /** How many callbacks have reported so far (for the sanity tests: never more than expected). */
    public int arrived() {
        return arrived.get();
    }

    public int expected() {
        return expected;
    }
}
