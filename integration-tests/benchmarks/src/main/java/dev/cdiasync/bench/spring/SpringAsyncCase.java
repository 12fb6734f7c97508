package dev.cdiasync.bench.spring;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiConsumer;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import dev.cdiasync.bench.Arrival;
import dev.cdiasync.bench.Case;
import dev.cdiasync.bench.Pools;

/**
 * Spring Framework's {@code @Async} (AOP proxy, {@code AsyncExecutionInterceptor}) on the 2-thread
 * pool, with {@code whenComplete} on the returned future as the done-callback.
 */
@State(Scope.Benchmark)
public class SpringAsyncCase extends Case {

    private AnnotationConfigApplicationContext context;
    private SpringWorker worker;
    private ThreadPoolExecutor pool;
    private volatile Arrival arrival;
    private final BiConsumer<Integer, Throwable> callback = (value, failure) -> arrival.arrive(value);

    @Override
    @Setup(Level.Trial)
    public void setUp() {
        context = new AnnotationConfigApplicationContext(SpringConfig.class);
        worker = context.getBean(SpringWorker.class);
        pool = context.getBean("benchPool", ThreadPoolExecutor.class);
    }

    @Override
    @TearDown(Level.Trial)
    public void tearDown() {
        context.close();
        Pools.close(pool);
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
