package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertDoesNotMention;
import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback naming a task that no method declares, and that resembles none, fails deployment without a false hint. */
class UnknownTaskWithNothingCloseTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "report")
        public CompletableFuture<String> report() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "invoicing")
        void log(Future<?> future) {
        }
    }

    @Test
    void namesTheMethodAndTheKnownTasksWithoutSuggestingAnUnrelatedOne() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Reporter.class, "log(Future)"), "'invoicing'", "Set task to the name of an"
                + " @Async task", "report");
        assertDoesNotMention(problem, "did you mean");
    }

    @Test
    void saysSoWhenTheDeploymentHasNoTaskAtAll() {
        String problem = deploy(Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Reporter.class, "log(Future)"), "'invoicing'", "Known tasks: none");
        assertDoesNotMention(problem, "did you mean");
    }
}
