package dev.cdiasync.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
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
 * Latency of one full round trip per op, one caller thread, every case on a 2-thread pool: submit,
 * the body returns 42 on the pool, the done-callback(s) run, the caller sees them.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class RoundTripBenchmark {

    /** {@code CompletableFuture.supplyAsync(body, pool).whenComplete(callback)}. */
    @Benchmark
    public Object raw(RawCase c) {
        return c.roundTrip();
    }

    /** A bean method behind a bare hand-off interceptor on Weld SE, plus {@code whenComplete}. */
    @Benchmark
    public Object weldInterceptorFloor(FloorCase c) {
        return c.roundTrip();
    }

    /** An {@code @Async} method and one {@code @OnDone} callback. */
    @Benchmark
    public Object cdiAsync(AnnotatedOne c) {
        return c.roundTrip();
    }

    /** An {@code @Async} method and eight {@code @OnDone} callbacks. */
    @Benchmark
    public Object cdiAsyncCallbacks8(AnnotatedEight c) {
        return c.roundTrip();
    }

    /** An {@code @Async} method without {@code @OnDone} callbacks, plus one {@code addDoneCallback}. */
    @Benchmark
    public Object cdiAsyncRuntimeCallback1(RuntimeOne c) {
        return c.roundTrip();
    }

    /** An {@code @Async} method without {@code @OnDone} callbacks, plus eight {@code addDoneCallback}. */
    @Benchmark
    public Object cdiAsyncRuntimeCallbacks8(RuntimeEight c) {
        return c.roundTrip();
    }

    /** {@code Event.fireAsync} with one {@code @ObservesAsync} observer, plus {@code whenComplete}. */
    @Benchmark
    public Object weldFireAsync(FireAsyncCase c) {
        return c.roundTrip();
    }

    /** Spring Framework {@code @Async} returning {@code CompletableFuture}, plus {@code whenComplete}. */
    @Benchmark
    public Object springAsync(SpringAsyncCase c) {
        return c.roundTrip();
    }

    /** SmallRye Fault Tolerance {@code @Asynchronous} on Weld SE, plus {@code whenComplete}. */
    @Benchmark
    public Object smallRyeAsynchronous(FtAsynchronousCase c) {
        return c.roundTrip();
    }
}
