package dev.cdiasync.servers.extra.producer;

import java.util.concurrent.Executor;

import dev.cdiasync.AsyncExecutor;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The plainest way to name the container's executor: a @Dependent bean whose @Dependent producer
 * returns its @Resource field. The field is injected only once the container's EE environment is
 * ready, so the library must not create the executor while the deployment is still validated.
 */
@Dependent
public class DependentProducer {

    @Resource
    ManagedExecutorService managed;

    @Produces
    @AsyncExecutor("mes")
    Executor mes() {
        return managed;
    }
}
