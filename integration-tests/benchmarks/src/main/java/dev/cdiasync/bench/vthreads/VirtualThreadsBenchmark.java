package dev.cdiasync.bench.vthreads;

import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.cdiasync.bench.Arrival;
import dev.cdiasync.bench.Containers;

/**
 * Wall time of {@code tasks} {@code @Async} calls that each block {@code blockMillis} ms, until all
 * their {@code @OnDone} callbacks have run, on the library's default executor: with
 * {@code dev.cdiasync.virtual-threads=true} (one virtual thread per call with no limit, Java 21+) or
 * the default pool, which runs at most {@code dev.cdiasync.threads} calls at once on reused platform
 * threads (default min(32, cores + 4)). On Java 17 the virtual case fails its setup with a message saying so; run it with
 * {@code -p executor=default} there.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
@State(Scope.Benchmark)
public class VirtualThreadsBenchmark {

    static final String VIRTUAL_THREADS = "dev.cdiasync.virtual-threads";

    /** {@code virtual}: one virtual thread per call, no limit; {@code default}: the default executor. */
    @Param({"virtual", "default"})
    public String executor;

    @Param("10000")
    public int tasks;

    @Param("100")
    public long blockMillis;

    private WeldContainer container;
    private BlockingWorker worker;
    private BlockingCallbacks callbacks;

    @Setup(Level.Trial)
    public void setUp() {
        boolean virtual = switch (executor) {
            case "virtual" -> true;
            case "default" -> false;
            default -> throw new IllegalArgumentException("executor must be virtual or default, not " + executor);
        };
        if (virtual && !virtualThreadsAvailable()) {
            throw new IllegalStateException("Virtual threads need Java 21 or later; this is Java "
                    + Runtime.version().feature() + ". Run with -p executor=default, or on a newer Java.");
        }
        if (virtual) {
            System.setProperty(VIRTUAL_THREADS, "true");
        }
        try {
            container = Containers.weld("virtual-threads-" + executor)
                    .addBeanClasses(BlockingWorker.class, BlockingCallbacks.class)
                    .initialize();
        } finally {
            System.clearProperty(VIRTUAL_THREADS);
        }
        worker = container.select(BlockingWorker.class).get();
        callbacks = container.select(BlockingCallbacks.class).get();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        container.close();
    }

    /** All calls submitted at once; returns when every callback has run. */
    @Benchmark
    public Object blockingTasks() throws InterruptedException {
        Arrival arrival = new Arrival(tasks);
        callbacks.expect(arrival);
        for (int i = 0; i < tasks; i++) {
            worker.block(blockMillis);
        }
        return arrival.await(30, TimeUnit.MINUTES);
    }

    /** Bodies that ran on a virtual thread so far (for the sanity tests). */
    public long bodiesOnVirtualThreads() {
        return worker.onVirtualThreads();
    }

    static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }
}
