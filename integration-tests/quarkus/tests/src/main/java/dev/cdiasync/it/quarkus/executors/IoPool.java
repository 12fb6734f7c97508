package dev.cdiasync.it.quarkus.executors;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cdiasync.AsyncExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Declares executor "io" with a producer method: two threads named io-N. */
@ApplicationScoped
public class IoPool {

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService pool = Executors.newFixedThreadPool(2,
            r -> new Thread(r, "io-" + threads.incrementAndGet()));

    @Produces
    @AsyncExecutor("io")
    ExecutorService io() {
        return pool;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(30, SECONDS);
    }
}
