package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Two classes of one simple name whose @Async methods keep their default task name would share it by
 * accident: deployment fails and asks for explicit names. Explicitly shared names and overloads deploy.
 */
class EqualDefaultTaskNamesTest {

    static class Billing {
        @ApplicationScoped
        public static class Worker {
            @Async
            public void run() {
            }
        }
    }

    static class Shipping {
        @ApplicationScoped
        public static class Worker {
            @Async
            public void run() {
            }
        }
    }

    static class Explicit {
        @ApplicationScoped
        public static class Worker {
            @Async(task = "Worker.run")
            public void run() {
            }
        }
    }

    @ApplicationScoped
    public static class Overloads {
        @Async
        public CompletableFuture<String> send(String text) {
            return CompletableFuture.completedFuture(text);
        }

        @Async
        public CompletableFuture<String> send(String text, int times) {
            return CompletableFuture.completedFuture(text.repeat(times));
        }
    }

    @Test
    void twoClassesWithTheSameDefaultNameFailAndAskForExplicitNames() {
        String problem = deploy(Billing.Worker.class, Shipping.Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Billing.Worker.class, "run()"), method(Shipping.Worker.class, "run()"),
                "'Worker.run'", "explicit", "@Async(task = ");
    }

    @Test
    void anExplicitlySharedNameAndOverloadsDeploy() {
        Weld weld = new Weld().disableDiscovery()
                .addBeanClasses(Billing.Worker.class, Explicit.Worker.class, Overloads.class);
        try (WeldContainer container = weld.initialize()) {
            container.select(Overloads.class).get().send("a", 2).join();
        }
    }
}
