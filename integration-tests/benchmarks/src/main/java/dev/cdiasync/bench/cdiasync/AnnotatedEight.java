package dev.cdiasync.bench.cdiasync;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.cdiasync.bench.Arrival;

/** {@code cdiAsyncCallbacks8}: an {@code @Async} call whose task has eight {@code @OnDone} callbacks. */
@State(Scope.Benchmark)
public class AnnotatedEight extends CdiAsyncCase {

    @Override
    protected void arm(Arrival arrival) {
        callbacks.expect(arrival);
    }

    @Override
    protected void submit() {
        worker.eight();
    }

    @Override
    protected int callbacksPerCall() {
        return 8;
    }
}
