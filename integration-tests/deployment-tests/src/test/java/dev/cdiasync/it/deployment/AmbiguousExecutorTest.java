package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;

/** Two executor beans with the same @AsyncExecutor name, or two default ones, make the methods that select it fail deployment, naming both beans. */
class AmbiguousExecutorTest {

    @AsyncExecutor("io")
    @ApplicationScoped
    public static class FileExecutor implements Executor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }

    @AsyncExecutor("io")
    @ApplicationScoped
    public static class NetworkExecutor implements Executor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }

    @AsyncExecutor
    @ApplicationScoped
    public static class FirstDefault implements Executor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }

    @AsyncExecutor
    @ApplicationScoped
    public static class SecondDefault implements Executor {
        @Override
        public void execute(Runnable command) {
            command.run();
        }
    }

    @ApplicationScoped
    public static class DefaultWorker {
        @Async
        public void work() {
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async(executor = "io")
        public void read() {
        }
    }

    @Test
    void namesTheMethodAndBothExecutorBeans() {
        String problem = deploy(FileExecutor.class, NetworkExecutor.class, Worker.class).isDeploymentProblem()
                .onlyProblem();

        assertMentions(problem, method(Worker.class, "read()"), "'io' is ambiguous", FileExecutor.class.getName(),
                NetworkExecutor.class.getName(), "@Alternative");
    }

    @Test
    void twoApplicationDefaultExecutorsNameTheMethodAndBothBeans() {
        String problem = deploy(FirstDefault.class, SecondDefault.class, DefaultWorker.class).isDeploymentProblem()
                .onlyProblem();

        assertMentions(problem, method(DefaultWorker.class, "work()"), "ambiguous", FirstDefault.class.getName(),
                SecondDefault.class.getName(), "@Alternative");
    }
}
