package dev.cdiasync.bench.cdiasync;

import java.util.function.Consumer;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.bench.Arrival;

/**
 * An {@code @Async} call of a task without {@code @OnDone} callbacks, with callbacks added by
 * {@code addDoneCallback} (one preallocated consumer, added that many times). If the future is
 * done before a callback is added, that callback runs at once on the benchmark thread, as the
 * contract says.
 */
public abstract class RuntimeCallbacksCase extends CdiAsyncCase {

    private volatile Arrival arrival;
    private final Consumer<AsyncFuture<Integer>> callback = future -> arrival.arrive(future.getNow(null));

    @Override
    protected void arm(Arrival arrival) {
        this.arrival = arrival;
    }

    @Override
    protected void submit() {
        AsyncFuture<Integer> future = (AsyncFuture<Integer>) worker.bare();
        for (int i = callbacksPerCall(); i > 0; i--) {
            future.addDoneCallback(callback);
        }
    }
}
