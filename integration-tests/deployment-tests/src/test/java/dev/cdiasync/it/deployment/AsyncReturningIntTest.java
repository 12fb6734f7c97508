package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async method returning a primitive fails deployment, and the advice boxes it: CompletableFuture<Integer>. */
class AsyncReturningIntTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public int count() {
            return 1;
        }
    }

    @Test
    void namesTheMethodAndSuggestsTheBoxedFutureType() {
        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@Async", method(Worker.class, "count()"), "returns int",
                "CompletableFuture<Integer>");
    }
}
