package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertDoesNotMention;
import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async method naming an executor that no bean provides fails deployment, suggesting the closest executor name. */
class UnknownExecutorTest {

    @AsyncExecutor("io")
    @ApplicationScoped
    public static class IoExecutor implements Executor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }

    @ApplicationScoped
    public static class MisspeltWorker {
        @Async(executor = "oi")
        public void read() {
        }
    }

    @ApplicationScoped
    public static class UnrelatedWorker {
        @Async(executor = "reporting")
        public void read() {
        }
    }

    @Test
    void misspeltExecutorNameSuggestsTheClosestOne() {
        String problem = deploy(IoExecutor.class, MisspeltWorker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(MisspeltWorker.class, "read()"), "'oi'", "did you mean 'io'?",
                "@AsyncExecutor(\"oi\")");
    }

    @Test
    void unrelatedExecutorNameListsTheNamedExecutors() {
        String problem = deploy(IoExecutor.class, UnrelatedWorker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(UnrelatedWorker.class, "read()"), "'reporting'",
                "@AsyncExecutor(\"reporting\")", "io");
        assertDoesNotMention(problem, "did you mean");
    }
}
