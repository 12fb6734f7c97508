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

/** A callback declaring Future<Integer> for a task whose result is a String fails deployment, naming the type to use. */
class CallbackFutureOfWrongResultTypeTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    /** A second method sharing the task name, with another result type. */
    @ApplicationScoped
    public static class Counter {
        @Async(task = "work")
        public CompletableFuture<Integer> count() {
            return CompletableFuture.completedFuture(1);
        }
    }

    @ApplicationScoped
    public static class IntegerReporter {
        @OnDone(task = "work")
        void log(Future<Integer> future) {
        }
    }

    @ApplicationScoped
    public static class StringReporter {
        @OnDone(task = "work")
        void log(Future<String> future) {
        }
    }

    @Test
    void namesTheCallbackTheTaskMethodAndTheTypeToDeclare() {
        String problem = deploy(Worker.class, IntegerReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(IntegerReporter.class, "log(Future)"), "Future<Integer>",
                method(Worker.class, "work()"), "String", "Declare Future<String> or Future<?>");
    }

    @Test
    void theFutureMustFitEveryMethodThatSharesTheTaskName() {
        String problem = deploy(Worker.class, Counter.class, StringReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(StringReporter.class, "log(Future)"), "Future<String>",
                method(Counter.class, "count()"), "Integer", "Declare Future<Integer> or Future<?>");
    }
}
