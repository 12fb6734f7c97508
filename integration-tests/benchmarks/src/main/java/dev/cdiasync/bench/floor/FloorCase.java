package dev.cdiasync.bench.floor;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiConsumer;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.cdiasync.bench.Arrival;
import dev.cdiasync.bench.BenchPool;
import dev.cdiasync.bench.Case;
import dev.cdiasync.bench.Containers;

/**
 * Weld's floor: a bean method behind {@link FloorInterceptor}, called through its client proxy,
 * with {@code whenComplete} as the done-callback.
 */
@State(Scope.Benchmark)
public class FloorCase extends Case {

    private WeldContainer container;
    private FloorWorker worker;
    private ThreadPoolExecutor pool;
    private volatile Arrival arrival;
    private final BiConsumer<Integer, Throwable> callback = (value, failure) -> arrival.arrive(value);

    @Override
    @Setup(Level.Trial)
    public void setUp() {
        container = Containers.weld("floor")
                .addBeanClasses(BenchPool.class, FloorWorker.class, FloorInterceptor.class)
                .initialize();
        worker = container.select(FloorWorker.class).get();
        pool = container.select(BenchPool.class).get().get();
    }

    @Override
    @TearDown(Level.Trial)
    public void tearDown() {
        container.close();
    }

    @Override
    protected void arm(Arrival arrival) {
        this.arrival = arrival;
    }

    @Override
    protected void submit() {
        worker.work().whenComplete(callback);
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }
}
