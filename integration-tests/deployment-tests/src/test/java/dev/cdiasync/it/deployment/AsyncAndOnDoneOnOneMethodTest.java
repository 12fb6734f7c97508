package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A method that is both @Async and @OnDone, directly or through a class-level @Async, fails deployment. */
class AsyncAndOnDoneOnOneMethodTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public void work() {
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @Async
        @OnDone(task = "work")
        public void log(Future<?> future) {
        }
    }

    @Async
    @ApplicationScoped
    public static class AsyncReporter {
        @OnDone(task = "work")
        public void log(Future<?> future) {
        }
    }

    @Test
    void bothAnnotationsOnTheMethod() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@OnDone", method(Reporter.class, "log(Future)"), "also @Async",
                "remove one of the annotations");
    }

    @Test
    void callbackInAClassLevelAsyncBean() {
        String problem = deploy(Worker.class, AsyncReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@OnDone", method(AsyncReporter.class, "log(Future)"), "also @Async",
                "@Async on class " + AsyncReporter.class.getName(), "Move the callback to a bean that is not @Async");
    }
}
