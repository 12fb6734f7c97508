package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A bean qualified @AsyncExecutor that is not an Executor (here a holder of one, a common slip) fails deployment with a
 * message naming that bean and saying it must be an Executor.
 */
class NonExecutorQualifiedAsExecutorTest {

    /** Holds an executor instead of being one. */
    @AsyncExecutor("io")
    @ApplicationScoped
    public static class IoPool {
        final Executor pool = Runnable::run;
    }

    /** The same slip with the qualifier of the default executor. */
    @AsyncExecutor
    @ApplicationScoped
    public static class DefaultPool {
        final Executor pool = Runnable::run;
    }

    @ApplicationScoped
    public static class IoWorker {
        @Async(executor = "io")
        public void read() {
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async
        public void work() {
        }
    }

    @Test
    void namedExecutorThatIsNotAnExecutorIsNamedInTheMessage() {
        String problem = deploy(IoPool.class, IoWorker.class).isDeploymentProblem().problemAbout(IoPool.class.getName());

        assertMentions(problem, "@AsyncExecutor(\"io\")", "Executor");
    }

    @Test
    void namedExecutorThatIsNotAnExecutorFailsEvenWhenNoMethodSelectsIt() {
        String problem = deploy(IoPool.class, Worker.class).isDeploymentProblem().problemAbout(IoPool.class.getName());

        assertMentions(problem, "@AsyncExecutor(\"io\")", "Executor");
    }

    @Test
    void defaultExecutorThatIsNotAnExecutorIsNamedInTheMessage() {
        String problem = deploy(DefaultPool.class, Worker.class).isDeploymentProblem()
                .problemAbout(DefaultPool.class.getName());

        assertMentions(problem, "@AsyncExecutor", "Executor");
    }

    @Test
    void theMethodThatSelectsItIsNamedToo() {
        String problem = deploy(IoPool.class, IoWorker.class).isDeploymentProblem()
                .problemAbout(method(IoWorker.class, "read()"));

        assertMentions(problem, "@AsyncExecutor(\"io\")", "Executor");
    }
}
