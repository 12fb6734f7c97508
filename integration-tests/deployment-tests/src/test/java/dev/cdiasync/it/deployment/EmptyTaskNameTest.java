package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertDoesNotMention;
import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback with an empty or blank task name fails deployment once, saying what a task name is. */
class EmptyTaskNameTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public void work() {
        }
    }

    @ApplicationScoped
    public static class EmptyReporter {
        @OnDone(task = "")
        void log(Future<?> future) {
        }
    }

    @ApplicationScoped
    public static class BlankReporter {
        @OnDone(task = "  ")
        void log(Future<?> future) {
        }
    }

    @Test
    void emptyTaskName() {
        String problem = deploy(Worker.class, EmptyReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(EmptyReporter.class, "log(Future)"), "task is empty",
                "SimpleClassName.methodName");
        assertDoesNotMention(problem, "did you mean");
    }

    @Test
    void blankTaskName() {
        String problem = deploy(Worker.class, BlankReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(BlankReporter.class, "log(Future)"), "task is empty",
                "SimpleClassName.methodName");
    }
}
