package dev.cdiasync.servers.app.executors;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.cdiasync.AsyncExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * The application's named executors, both on the container's managed threads. There is no
 * {@code @AsyncExecutor} bean without a name: the library chooses the default executor.
 */
@ApplicationScoped
public class ExecutorProducers {

    @Resource
    ManagedExecutorService managed;

    @Resource
    ManagedThreadFactory threads;

    /** "mes": the container's default ManagedExecutorService, through an application-scoped producer. */
    @Produces
    @ApplicationScoped
    @AsyncExecutor("mes")
    Executor mes() {
        return managed;
    }

    /** "single": one managed thread, like the seed's ThreadPoolExecutor(max_workers=1); ordered and flushable. */
    @Produces
    @ApplicationScoped
    @AsyncExecutor("single")
    ExecutorService single() {
        return Executors.newSingleThreadExecutor(threads);
    }

    void close(@Disposes @AsyncExecutor("single") ExecutorService single) {
        single.shutdownNow();
    }
}
