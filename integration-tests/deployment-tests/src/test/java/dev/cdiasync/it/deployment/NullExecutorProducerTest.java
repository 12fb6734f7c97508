package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertDoesNotMention;
import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * An executor producer that returns null fails the start with a message saying so, never that no executor has that
 * name (it has). The executors are made at startup, where a server's producer can inject its resources.
 */
class NullExecutorProducerTest {

    @ApplicationScoped
    public static class Producers {
        @Produces
        @Dependent
        @AsyncExecutor("mes")
        Executor mes() {
            return null; // as a @Resource field that was never injected would give
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async(executor = "mes")
        public void work() {
        }
    }

    @Test
    void saysTheProducerReturnedNull() {
        String problem = deploy(Producers.class, Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "The producer of executor 'mes' returned null");
        assertDoesNotMention(problem, "no executor is named");
    }
}
