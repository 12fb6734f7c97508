package dev.cdiasync.bench.cdiasync;

import java.util.concurrent.ThreadPoolExecutor;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import dev.cdiasync.bench.BenchPool;
import dev.cdiasync.bench.Case;
import dev.cdiasync.bench.Containers;

/**
 * A Weld SE container with the cdi-async extension, the {@code @Async} worker, its annotated
 * callbacks and the named 2-thread executor "bench". The subclasses differ only in which task they
 * call and how its callbacks are declared.
 */
public abstract class CdiAsyncCase extends Case {

    private WeldContainer container;
    protected AsyncWorker worker;
    protected DoneCallbacks callbacks;
    private ThreadPoolExecutor pool;

    @Override
    @Setup(Level.Trial)
    public void setUp() {
        container = Containers.weld("cdi-async")
                .addBeanClasses(BenchPool.class, AsyncWorker.class, DoneCallbacks.class)
                .initialize();
        worker = container.select(AsyncWorker.class).get();
        callbacks = container.select(DoneCallbacks.class).get();
        pool = container.select(BenchPool.class).get().get();
    }

    @Override
    @TearDown(Level.Trial)
    public void tearDown() {
        container.close();
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }
}
