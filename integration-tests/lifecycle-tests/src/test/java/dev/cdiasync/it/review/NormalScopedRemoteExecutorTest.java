package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * README "When one machine is not enough": a producer "@Produces @AsyncExecutor("cluster") Executor cluster(...)"
 * returning a RemoteExecutor. Made @ApplicationScoped (one shared executor, as one would), the registry gets the
 * container's client proxy, which is only an Executor: Registry.start's "instanceof RemoteExecutor" misses it, the call
 * goes to RemoteExecutor.execute, which always rejects, and every call fails at run time although deployment passed.
 */
class NormalScopedRemoteExecutorTest {

    @ApplicationScoped
    public static class Wire {
        @Produces
        @ApplicationScoped
        @AsyncExecutor("cluster")
        Executor cluster() {
            return new SelfLoopback();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "where", executor = "cluster")
        public CompletableFuture<String> where() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @Test
    void aNormalScopedRemoteExecutorRunsTheBodyRemotely() throws Exception {
        try (SeContainer container = Containers.boot(Map.of(), Wire.class, Work.class)) {
            String ranOn;
            try {
                ranOn = container.select(Work.class).get().where().get(30, SECONDS);
            } catch (ExecutionException e) {
                ranOn = "failed: " + e.getCause();
            }
            assertEquals("wire", ranOn, "where the body of a call routed to an @ApplicationScoped RemoteExecutor ran");
        }
    }
}
