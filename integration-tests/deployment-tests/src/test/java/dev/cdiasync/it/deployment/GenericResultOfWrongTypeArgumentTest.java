package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** The result type check looks inside generic results: Future<List<Integer>> for a List<String> task fails deployment. */
class GenericResultOfWrongTypeArgumentTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "names")
        public CompletableFuture<List<String>> names() {
            return CompletableFuture.completedFuture(List.of("a"));
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "names")
        void log(Future<List<Integer>> future) {
        }
    }

    @Test
    void namesTheCallbackAndTheParameterizedTypeToDeclare() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Reporter.class, "log(Future)"), "Future<List<Integer>>",
                "Declare Future<List<String>> or Future<?>");
    }
}
