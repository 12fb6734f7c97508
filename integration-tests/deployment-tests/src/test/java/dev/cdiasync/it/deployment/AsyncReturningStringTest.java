package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async method returning a plain String, which cannot be returned at once, fails deployment naming the future type to use. */
class AsyncReturningStringTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public String fetch(int id) {
            return "done";
        }
    }

    @Test
    void namesTheMethodAndTheFutureTypesAllowed() {
        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@Async", method(Worker.class, "fetch(int)"), "returns String",
                "void, Future<T>, CompletableFuture<T>, CompletionStage<T> or AsyncFuture<T>",
                "CompletableFuture<String>");
    }
}
