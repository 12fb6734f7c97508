package dev.cdiasync.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** The baseline: {@code CompletableFuture.supplyAsync(body, pool).whenComplete(callback)}, no container. */
@State(Scope.Benchmark)
public class RawCase extends WhenCompleteCase {

    private static final Supplier<Integer> BODY = () -> VALUE;

    private ThreadPoolExecutor pool;

    @Override
    @Setup(Level.Trial)
    public void setUp() {
        pool = Pools.bench("raw-");
    }

    @Override
    @TearDown(Level.Trial)
    public void tearDown() {
        Pools.close(pool);
    }

    @Override
    protected void submit() {
        CompletableFuture.supplyAsync(BODY, pool).whenComplete(callback);
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }
}
