package dev.cdiasync.bench.spring;

import java.util.concurrent.ThreadPoolExecutor;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import dev.cdiasync.bench.Pools;
import dev.cdiasync.bench.WhenCompleteCase;

/**
 * Spring Framework's {@code @Async} (AOP proxy, {@code AsyncExecutionInterceptor}) on the 2-thread
 * pool, with {@code whenComplete} on the returned future as the done-callback.
 */
@State(Scope.Benchmark)
public class SpringAsyncCase extends WhenCompleteCase {

    private AnnotationConfigApplicationContext context;
    private SpringWorker worker;
    private ThreadPoolExecutor pool;

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
    protected void submit() {
        worker.work().whenComplete(callback);
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }
}
