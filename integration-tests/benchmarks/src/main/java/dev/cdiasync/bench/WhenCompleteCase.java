package dev.cdiasync.bench;

import java.util.function.BiConsumer;

/**
 * A case whose done-callback is a {@code whenComplete} on the future the call returns: the raw
 * executor, Weld's interception floor and the peers.
 */
public abstract class WhenCompleteCase extends Case {

    private volatile Arrival arrival;

    /** The done-callback: reports the value the body returned. */
    protected final BiConsumer<Object, Throwable> callback = (value, failure) -> arrive(value);

    @Override
    protected final void arm(Arrival arrival) {
        this.arrival = arrival;
    }

    /** Reports one callback's run, with the value it saw, to the current op. */
    protected final void arrive(Object value) {
        arrival.arrive(value);
    }
}
