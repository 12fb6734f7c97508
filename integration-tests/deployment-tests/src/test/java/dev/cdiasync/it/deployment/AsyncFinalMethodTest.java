package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async final method, which no interceptor can reach, fails deployment instead of running synchronously. */
class AsyncFinalMethodTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public final CompletableFuture<String> fetch() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Test
    void namesTheMethodAndSaysWhatToChange() {
        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        // The container checks a final intercepted method itself, before the library's validation runs: its
        // message names the method and says it cannot be final.
        assertMentions(problem, "@Async", Worker.class.getName() + ".fetch()", "final");
    }
}
