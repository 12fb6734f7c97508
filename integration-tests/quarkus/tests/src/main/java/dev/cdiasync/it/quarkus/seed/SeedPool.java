package dev.cdiasync.it.quarkus.seed;

import java.util.concurrent.ExecutorService;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.quarkus.support.OneThread;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Executor "seed": the seed's {@code ThreadPoolExecutor()} cut to one thread, as the Weld SE version
 * of these scenarios runs with {@code dev.cdiasync.threads=1}. On Quarkus that setting does not size
 * the default executor (Quarkus's own pool is), so the scenarios name a pool of their own.
 */
@ApplicationScoped
public class SeedPool {

    private final OneThread thread = new OneThread("seed-worker");

    @Produces
    @AsyncExecutor("seed")
    ExecutorService seed() {
        return thread.pool();
    }

    /** Returns once every task handed to the thread before this call has finished, callbacks included. */
    public void flush() throws Exception {
        thread.flush();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.stop();
    }
}
