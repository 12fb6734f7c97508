package dev.cdiasync.bench.executor;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.cdiasync.bench.Containers;
import dev.cdiasync.bench.Pools;

/**
 * The library's default executor on Weld SE against the plain JDK pool of the same size in the same run: each
 * invocation hands {@value #TASKS} small tasks to the executor and waits until all have run; JMH counts each task as
 * one op.
 *
 * <p>{@code jdkFixedPool} is a {@code ThreadPoolExecutor} of {@value Pools#BENCH_THREADS} platform threads.
 * {@code cdiAsyncDefault} is the library's default executor with {@code dev.cdiasync.threads} =
 * {@value Pools#BENCH_THREADS}, as a container injects it: a plain pool of that size too, on every Java (it restores
 * the context class loader after a task that changed it, and nothing else). With {@code body=threadLocal} each task
 * also reads and writes a ThreadLocal, as code using a per-thread cache does: on both pools the next task on a thread
 * finds the value the last one left.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@OperationsPerInvocation(DefaultExecutorBenchmark.TASKS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class DefaultExecutorBenchmark {

    /** Tasks per invocation. */
    public static final int TASKS = 1000;

    private static final ThreadLocal<int[]> CACHE = new ThreadLocal<>();

    /** What each task does besides counting down. */
    @State(Scope.Benchmark)
    public static class Body {
        /** {@code empty}: nothing; {@code threadLocal}: reads a ThreadLocal and sets it if absent. */
        @Param({"empty", "threadLocal"})
        public String body;

        Runnable task(CountDownLatch done) {
            return switch (body) {
                case "empty" -> done::countDown;
                case "threadLocal" -> () -> {
                    int[] cache = CACHE.get();
                    if (cache == null) {
                        CACHE.set(new int[] {1});
                    } else {
                        cache[0]++;
                    }
                    done.countDown();
                };
                default -> throw new IllegalArgumentException("body must be empty or threadLocal, not " + body);
            };
        }
    }

    /** The plain JDK pool. */
    @State(Scope.Benchmark)
    public static class JdkPool {
        public ExecutorService executor;

        @Setup(Level.Trial)
        public void setUp() {
            executor = Pools.bench("jdk-");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            Pools.close(executor);
        }
    }

    /** The library's default executor, injected from a Weld SE container. */
    @State(Scope.Benchmark)
    public static class LibraryDefault {
        static final String THREADS = "dev.cdiasync.threads";
        WeldContainer container;
        public ExecutorService executor;

        @Setup(Level.Trial)
        public void setUp() {
            System.setProperty(THREADS, String.valueOf(Pools.BENCH_THREADS));
            try {
                container = Containers.weld("default-executor")
                        .addBeanClasses(ExecutorUser.class).initialize();
            } finally {
                System.clearProperty(THREADS);
            }
            executor = container.select(ExecutorUser.class).get().executor();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            container.close();
        }
    }

    @Benchmark
    public long jdkFixedPool(JdkPool pool, Body body) throws InterruptedException {
        return batch(pool.executor, body);
    }

    @Benchmark
    public long cdiAsyncDefault(LibraryDefault library, Body body) throws InterruptedException {
        return batch(library.executor, body);
    }

    /** Hands {@value #TASKS} tasks to the executor; returns when all have run. */
    public static long batch(ExecutorService executor, Body body) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(TASKS);
        Runnable task = body.task(done);
        for (int i = 0; i < TASKS; i++) {
            executor.execute(task);
        }
        if (!done.await(1, TimeUnit.MINUTES)) {
            throw new IllegalStateException(done.getCount() + " tasks of " + TASKS + " never ran on " + executor);
        }
        return done.getCount();
    }
}
