package dev.cdiasync.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.cdiasync.bench.cdiasync.AnnotatedEight;
import dev.cdiasync.bench.cdiasync.AnnotatedOne;
import dev.cdiasync.bench.cdiasync.RuntimeEight;
import dev.cdiasync.bench.cdiasync.RuntimeOne;
import dev.cdiasync.bench.event.FireAsyncCase;
import dev.cdiasync.bench.floor.FloorCase;
import dev.cdiasync.bench.smallrye.FtAsynchronousCase;
import dev.cdiasync.bench.spring.SpringAsyncCase;

/**
 * Throughput: each invocation submits {@value #TASKS} calls of the case back to back, then waits
 * until all their done-callbacks have run; the score is calls per millisecond (JMH counts each
 * call as one op), with the same 2-thread pool as the round trips.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(BatchBenchmark.TASKS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class BatchBenchmark {

    /** Calls per invocation. */
    public static final int TASKS = 1000;

    /** {@code CompletableFuture.supplyAsync(body, pool).whenComplete(callback)}. */
    @Benchmark
    public Object raw(RawCase c) {
        return c.batch(TASKS);
    }

    /** A bean method behind a bare hand-off interceptor on Weld SE, plus {@code whenComplete}. */
    @Benchmark
    public Object weldInterceptorFloor(FloorCase c) {
        return c.batch(TASKS);
    }

    /** An {@code @Async} method and one {@code @OnDone} callback. */
    @Benchmark
    public Object cdiAsync(AnnotatedOne c) {
        return c.batch(TASKS);
    }

    /** An {@code @Async} method and eight {@code @OnDone} callbacks. */
    @Benchmark
    public Object cdiAsyncCallbacks8(AnnotatedEight c) {
        return c.batch(TASKS);
    }

    /** An {@code @Async} method without {@code @OnDone} callbacks, plus one {@code addDoneCallback}. */
    @Benchmark
    public Object cdiAsyncRuntimeCallback1(RuntimeOne c) {
        return c.batch(TASKS);
    }

    /** An {@code @Async} method without {@code @OnDone} callbacks, plus eight {@code addDoneCallback}. */
    @Benchmark
    public Object cdiAsyncRuntimeCallbacks8(RuntimeEight c) {
        return c.batch(TASKS);
    }

    /** {@code Event.fireAsync} with one {@code @ObservesAsync} observer, plus {@code whenComplete}. */
    @Benchmark
    public Object weldFireAsync(FireAsyncCase c) {
        return c.batch(TASKS);
    }

    /** Spring Framework {@code @Async} returning {@code CompletableFuture}, plus {@code whenComplete}. */
    @Benchmark
    public Object springAsync(SpringAsyncCase c) {
        return c.batch(TASKS);
    }

    /** SmallRye Fault Tolerance {@code @Asynchronous} on Weld SE, plus {@code whenComplete}. */
    @Benchmark
    public Object smallRyeAsynchronous(FtAsynchronousCase c) {
        return c.batch(TASKS);
    }
}
