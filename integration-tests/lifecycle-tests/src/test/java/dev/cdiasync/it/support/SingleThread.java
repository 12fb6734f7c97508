package dev.cdiasync.it.support;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cdiasync.AsyncExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The executor named "single": one thread, {@code single-worker}, so that a first call can keep a second one queued.
 * A bean class for the tests' containers.
 */
@ApplicationScoped
public class SingleThread {
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "single-worker"));

    @Produces
    @AsyncExecutor("single")
    Executor single() {
        return pool;
    }

    /** Returns once every task handed to the thread before this call has finished running. */
    public void flush() throws Exception {
        pool.submit(() -> { }).get(30, SECONDS);
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, SECONDS);
    }
}
