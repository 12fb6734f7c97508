package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * design.md, remote executors: "a call that arrives runs through a CDI 4.1 invoker of the @Async method on its bean".
 * A method that two bean classes inherit has one key (Names.key: the declaring class), so a RemoteCall does not say
 * which bean it was made on, and Registry.Bodies.run always runs it on sites[0]: a call made on one bean runs on the
 * other.
 */
class RemoteInheritedMethodTest {

    @ApplicationScoped
    public static class Wire {
        final SelfLoopback loopback = new SelfLoopback();

        @Produces
        @AsyncExecutor("remote")
        Executor remote() {
            return loopback;
        }
    }

    public abstract static class Named {
        @Async(task = "who", executor = "remote")
        public CompletableFuture<String> who() {
            return CompletableFuture.completedFuture(this instanceof Alpha ? "Alpha" : "Beta");
        }
    }

    @ApplicationScoped
    public static class Alpha extends Named {
    }

    @ApplicationScoped
    public static class Beta extends Named {
    }

    @Test
    void aRemoteCallRunsOnTheBeanItWasMadeOn() throws Exception {
        try (SeContainer container = Containers.boot(Map.of(), Wire.class, Alpha.class, Beta.class)) {
            String alpha = container.select(Alpha.class).get().who().get(30, SECONDS);
            String beta = container.select(Beta.class).get().who().get(30, SECONDS);

            assertEquals("Alpha / Beta", alpha + " / " + beta, "the beans the remote bodies ran on");
        }
    }
}
