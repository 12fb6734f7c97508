package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** The result type check holds for every future type: CompletionStage<Integer> for a String task fails deployment. */
class CallbackCompletionStageOfWrongResultTypeTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletionStage<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "work")
        void log(CompletionStage<Integer> stage) {
        }
    }

    @Test
    void namesTheCallbackAndTheStageTypeToDeclare() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Reporter.class, "log(CompletionStage)"), "CompletionStage<Integer>",
                method(Worker.class, "work()"), "Declare CompletionStage<String> or CompletionStage<?>");
    }
}
