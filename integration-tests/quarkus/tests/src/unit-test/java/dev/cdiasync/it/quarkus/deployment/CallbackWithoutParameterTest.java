package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback with no parameter to receive the future fails the Quarkus build, showing the signature to write. */
class CallbackWithoutParameterTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public void work() {
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "work")
        void finished() {
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Worker.class, Reporter.class)
            .assertException(failure -> assertMentions(onlyProblem(failure), method(Reporter.class, "finished()"),
                    "no parameter", "void finished(AsyncFuture<?> future)"));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
