package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback whose first parameter is not one of the four future types fails deployment, naming the types allowed. */
class CallbackFirstParameterNotFutureTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    /** Takes the result itself, as if the library unwrapped it. */
    @ApplicationScoped
    public static class ResultReporter {
        @OnDone(task = "work")
        void log(String result) {
        }
    }

    /** Puts the future second, after a parameter meant to be injected. */
    @ApplicationScoped
    public static class SwappedReporter {
        @OnDone(task = "work")
        void log(Worker worker, Future<String> future) {
        }
    }

    /** Declares a Future implementation, which the library never passes. */
    @ApplicationScoped
    public static class FutureTaskReporter {
        @OnDone(task = "work")
        void log(FutureTask<String> future) {
        }
    }

    @Test
    void theResultTypeInsteadOfAFuture() {
        String problem = deploy(Worker.class, ResultReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(ResultReporter.class, "log(String)"), "String, not a future",
                "Future, CompletableFuture, CompletionStage or AsyncFuture");
    }

    @Test
    void theFutureInSecondPlace() {
        String problem = deploy(Worker.class, SwappedReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(SwappedReporter.class, "log(Worker, Future)"), "Worker, not a future",
                "Future, CompletableFuture, CompletionStage or AsyncFuture");
    }

    @Test
    void aFutureImplementationClass() {
        String problem = deploy(Worker.class, FutureTaskReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(FutureTaskReporter.class, "log(FutureTask)"), "FutureTask<String>",
                "Future, CompletableFuture, CompletionStage or AsyncFuture");
    }
}
