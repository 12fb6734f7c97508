package dev.cdiasync.it.support;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor of the application's own, for tests that check the library never shuts it down: a pool of two named
 * threads that counts the shutdown calls it gets, and either obeys them or, if fragile, throws.
 */
public abstract class ApplicationExecutor extends AbstractExecutorService {

    private final ExecutorService pool;
    private final boolean fragile;
    private final AtomicInteger shutdownCalls = new AtomicInteger();

    protected ApplicationExecutor(String threadName, boolean fragile) {
        this.pool = Executors.newFixedThreadPool(2, task -> new Thread(task, threadName));
        this.fragile = fragile;
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    @Override
    public void shutdown() {
        shutdownCalls.incrementAndGet();
        refuseIfFragile();
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdownCalls.incrementAndGet();
        refuseIfFragile();
        return pool.shutdownNow();
    }

    private void refuseIfFragile() {
        if (fragile) {
            throw new IllegalStateException("only the application shuts this executor down");
        }
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }

    /** How many times anyone called shutdown() or shutdownNow(). */
    public int shutdownCalls() {
        return shutdownCalls.get();
    }

    /** Ends the pool, as its owner does; for the test's clean-up. */
    public void release() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, SECONDS);
    }
}
