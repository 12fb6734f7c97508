package dev.cdiasync.bench.cdiasync;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code cdiAsyncRuntimeCallbacks8}: eight callbacks added with {@code addDoneCallback}. */
@State(Scope.Benchmark)
public class RuntimeEight extends RuntimeCallbacksCase {

    @Override
    protected int callbacksPerCall() {
        return 8;
    }
}
