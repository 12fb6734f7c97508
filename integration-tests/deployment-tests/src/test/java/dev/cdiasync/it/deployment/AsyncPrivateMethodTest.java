package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async private method, which CDI would silently run synchronously, fails deployment. */
class AsyncPrivateMethodTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        private CompletableFuture<String> fetch() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Test
    void namesTheMethodAndSaysWhatToChange() {
        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@Async", method(Worker.class, "fetch()"), "private", "Make it package-private, protected or public");
    }
}
