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
import dev.cdiasync.spi.RemoteExecutor;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * A remote executor of a normal scope reaches the library as a client proxy with the types its producer declares. One
 * that declares RemoteExecutor works; one that declares only Executor cannot be recognised without making the bean at
 * startup (which on GlassFish is before its resources are injected), so each call fails with a message that says
 * what to declare, never silently and never with a bare rejection.
 */
class NormalScopedRemoteExecutorTest {

    @ApplicationScoped
    public static class Wire {
        @Produces
        @ApplicationScoped
        @AsyncExecutor("cluster")
        RemoteExecutor cluster() {
            return new SelfLoopback();
        }

        @Produces
        @ApplicationScoped
        @AsyncExecutor("hidden")
        Executor hidden() {
            return new SelfLoopback();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "where", executor = "cluster")
        public CompletableFuture<String> where() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        @Async(task = "hiddenWhere", executor = "hidden")
        public CompletableFuture<String> hiddenWhere() {
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

    @Test
    void oneWhoseProducerDeclaresOnlyExecutorFailsEachCallSayingWhatToDeclare() {
        try (SeContainer container = Containers.boot(Map.of(), Wire.class, Work.class)) {
            ExecutionException failed = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> container.select(Work.class).get().hiddenWhere().get(30, SECONDS));
            String message = String.valueOf(failed.getCause().getMessage());
            org.junit.jupiter.api.Assertions.assertTrue(message.contains("declare the producer's type as RemoteExecutor"),
                    message);
        }
    }
}
