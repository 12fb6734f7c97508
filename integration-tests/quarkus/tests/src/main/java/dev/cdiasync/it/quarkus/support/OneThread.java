package dev.cdiasync.it.quarkus.support;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A pool of one named thread, so that a first call can keep a second one queued and a test can wait
 * until every task handed to it before has finished ({@link #flush()}).
 */
public final class OneThread {

    private final ExecutorService pool;

    public OneThread(String threadName) {
        pool = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
    }

    /** The pool, for a producer method. */
    public ExecutorService pool() {
        return pool;
    }

    /** Returns once every task handed to the thread before this call has finished running. */
    public void flush() throws Exception {
        pool.submit(() -> { }).get(30, SECONDS);
    }

    /** Stops the thread. */
    public void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, SECONDS);
    }
}
