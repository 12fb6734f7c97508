package dev.cdiasync.bench.smallrye;

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
import io.smallrye.config.inject.ConfigExtension;
import io.smallrye.faulttolerance.FaultToleranceExtension;

/**
 * SmallRye Fault Tolerance {@code @Asynchronous} on Weld SE 6, on the 2-thread pool, with
 * {@code whenComplete} on the returned stage as the done-callback.
 */
@State(Scope.Benchmark)
public class FtAsynchronousCase extends WhenCompleteCase {

    private WeldContainer container;
    private FtWorker worker;
    private ThreadPoolExecutor pool;

    @Override
    @Setup(Level.Trial)
    public void setUp() {
        container = Containers.weld("smallrye-ft")
                .addExtension(new FaultToleranceExtension())
                .addExtension(new ConfigExtension())
                .addBeanClasses(BenchPool.class, FtExecutorProvider.class, FtWorker.class)
                .initialize();
        worker = container.select(FtWorker.class).get();
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
