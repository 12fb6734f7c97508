package dev.cdiasync.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import dev.cdiasync.AsyncExecutor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The 2-thread pool of a Weld SE benchmark container, also offered to cdi-async as the named
 * executor {@code @AsyncExecutor("bench")}; shut down with the container.
 */
@Singleton
public class BenchPool {

    private final ThreadPoolExecutor pool = Pools.bench("bench-");

    public ThreadPoolExecutor get() {
        return pool;
    }

    @Produces
    @AsyncExecutor("bench")
    ExecutorService benchExecutor() {
        return pool;
    }

    @PreDestroy
    void close() {
        Pools.close(pool);
    }
}
