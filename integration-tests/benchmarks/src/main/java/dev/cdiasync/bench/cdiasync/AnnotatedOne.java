package dev.cdiasync.bench.cdiasync;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import dev.cdiasync.bench.Arrival;

/** {@code cdiAsync}: an {@code @Async} call whose task has one {@code @OnDone} callback. */
@State(Scope.Benchmark)
public class AnnotatedOne extends CdiAsyncCase {

    @Override
    protected void arm(Arrival arrival) {
        callbacks.expect(arrival);
    }

    @Override
    protected void submit() {
        worker.one();
    }
}
