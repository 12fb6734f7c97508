package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jboss.weld.environment.se.Weld;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.remote.Loopback;
import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteCall;
import dev.cdiasync.spi.RemoteExecutor;
import dev.cdiasync.spi.RemoteMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Sanity check of Registry.prepare when a second remote executor's serve() fails. */
class ServeFailsTest {

    static final class Refusing implements RemoteExecutor {
        @Override
        public void submit(RemoteCall call) {
            call.fail(new IllegalStateException("unused"));
        }

        @Override
        public void check(RemoteMethod method, Consumer<String> problems) {
        }

        @Override
        public void serve(LocalBodies bodies) {
            if (bodies != null) {
                throw new IllegalStateException("serve refused");
            }
        }
    }

    @ApplicationScoped
    public static class Wiring {
        @Produces
        @ApplicationScoped
        @AsyncExecutor("a")
        RemoteExecutor a() {
            return new Loopback("sf-a", "nowhere");
        }

        @Produces
        @ApplicationScoped
        @AsyncExecutor("b")
        RemoteExecutor b() {
            return new Refusing();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(executor = "a")
        public CompletableFuture<String> one() {
            return CompletableFuture.completedFuture("one");
        }

        @Async(executor = "b")
        public CompletableFuture<String> two() {
            return CompletableFuture.completedFuture("two");
        }
    }

    @AfterEach
    void clear() {
        Loopback.SERVED.remove("sf-a");
    }

    @Test
    void aDeploymentWhoseServeFailsFailsAndServesNothing() {
        assertThrows(RuntimeException.class, () -> new Weld("serve-fails").disableDiscovery()
                .addBeanClasses(Wiring.class, Work.class).initialize().close());
        assertFalse(Loopback.SERVED.containsKey("sf-a"), "the first executor still serves the failed deployment");
    }
}
