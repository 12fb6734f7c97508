package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async method naming an executor that no bean provides fails the Quarkus build, suggesting the closest name. */
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

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(IoExecutor.class, MisspeltWorker.class)
            .assertException(failure -> assertMentions(onlyProblem(failure), method(MisspeltWorker.class, "read()"),
                    "'oi'", "did you mean 'io'?", "@AsyncExecutor(\"oi\")"));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
