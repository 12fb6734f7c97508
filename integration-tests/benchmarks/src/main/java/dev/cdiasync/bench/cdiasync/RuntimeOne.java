package dev.cdiasync.bench.cdiasync;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** {@code cdiAsyncRuntimeCallback1}: one callback added with {@code addDoneCallback}. */
@State(Scope.Benchmark)
public class RuntimeOne extends RuntimeCallbacksCase {
}
