package dev.cdiasync.bench;

import java.util.concurrent.ThreadPoolExecutor;

/**
 * One way of running a task asynchronously with a done-callback, as a JMH state. An op is a full
 * round trip: submit, the body returns a small value on the 2-thread pool, the done-callback(s)
 * run, and the benchmark thread sees them through an {@link Arrival}.
 */
public abstract class Case {

    /** The value every body returns. */
    public static final Integer VALUE = 42;

    private volatile Arrival last;

    /** Boots the container (JMH calls it once per trial, annotated in the subclass). */
    public abstract void setUp();

    /** Closes the container and its pool. */
    public abstract void tearDown();

    /** Makes the callbacks of the next calls report to this arrival. */
    protected abstract void arm(Arrival arrival);

    /** Submits one call with its done-callback(s); returns at once. */
    protected abstract void submit();

    /** The pool the bodies run on (for the sanity tests). */
    public abstract ThreadPoolExecutor pool();

    /** Done-callbacks each call runs. */
    protected int callbacksPerCall() {
        return 1;
    }

    /** One call; returns when its callbacks have run, with the value they saw. */
    public final Object roundTrip() {
        Arrival arrival = new Arrival(callbacksPerCall());
        last = arrival;
        arm(arrival);
        submit();
        return arrival.await();
    }

    /** {@code calls} calls in a row; returns when all their callbacks have run. */
    public final Object batch(int calls) {
        Arrival arrival = new Arrival(calls * callbacksPerCall());
        last = arrival;
        arm(arrival);
        for (int i = 0; i < calls; i++) {
            submit();
        }
        return arrival.await();
    }

    /** The arrival of the last op (for the sanity tests). */
    public Arrival lastArrival() {
        return last;
    }
}
