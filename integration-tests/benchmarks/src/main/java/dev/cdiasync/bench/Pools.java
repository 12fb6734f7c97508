package dev.cdiasync.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one kind of pool every case runs on: a fixed number of daemon platform threads over an
 * unbounded queue, the shape of the library's default executor.
 */
public final class Pools {

    /** Threads of the pool of every round-trip and batch case. */
    public static final int BENCH_THREADS = 2;

    private Pools() {
    }

    /** A pool of {@link #BENCH_THREADS} threads named {@code prefix + N}. */
    public static ThreadPoolExecutor bench(String prefix) {
        return fixed(BENCH_THREADS, prefix);
    }

    public static ThreadPoolExecutor fixed(int threads, String prefix) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    }

    /** Shuts the pool down and waits for its tasks (a benchmark op never leaves one behind). */
    public static void close(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
