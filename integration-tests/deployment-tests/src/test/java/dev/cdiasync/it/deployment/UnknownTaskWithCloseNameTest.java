package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback whose task name is misspelt fails deployment, and the message suggests the task the user meant. */
class UnknownTaskWithCloseNameTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "report")
        public CompletableFuture<String> report() {
            return CompletableFuture.completedFuture("done");
        }

        @Async
        public void cleanUp() {
        }
    }

    @ApplicationScoped
    public static class MisspeltReporter {
        @OnDone(task = "reprot")
        void log(Future<String> future) {
        }
    }

    @ApplicationScoped
    public static class MisspeltDefaultNameReporter {
        @OnDone(task = "Worker.cleanup")
        void log(Future<?> future) {
        }
    }

    @Test
    void misspeltExplicitTaskNameSuggestsTheClosestOne() {
        String problem = deploy(Worker.class, MisspeltReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(MisspeltReporter.class, "log(Future)"), "'reprot'", "did you mean 'report'?");
    }

    @Test
    void misspeltDefaultTaskNameSuggestsSimpleClassNameDotMethodName() {
        String problem = deploy(Worker.class, MisspeltDefaultNameReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(MisspeltDefaultNameReporter.class, "log(Future)"), "'Worker.cleanup'",
                "did you mean 'Worker.cleanUp'?");
    }
}
