package dev.cdiasync.bench.executor;

import java.util.concurrent.ExecutorService;

import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean that injects the default executor, as an application does. */
@ApplicationScoped
public class ExecutorUser {

    @Inject
    @AsyncExecutor
    ExecutorService executor;

    /** The executor itself, not the client proxy of this bean. */
    public ExecutorService executor() {
        return executor;
    }
}
