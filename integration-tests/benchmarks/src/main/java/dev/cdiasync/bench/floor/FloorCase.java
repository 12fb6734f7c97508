package dev.cdiasync.bench.floor;

import java.util.concurrent.ThreadPoolExecutor;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.cdiasync.bench.BenchPool;
import dev.cdiasync.bench.Containers;
import dev.cdiasync.bench.WhenCompleteCase;

/**
 * Weld's floor: a bean method behind {@link FloorInterceptor}, called through its client proxy,
 * with {@code whenComplete} as the done-callback.
 */
@State(Scope.Benchmark)
public class FloorCase extends WhenCompleteCase {

    private WeldContainer container;
    private FloorWorker worker;
    private ThreadPoolExecutor pool;

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
    protected void submit() {
        worker.work().whenComplete(callback);
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }
}
