package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback declaring Future<Integer> for a task whose result is a String fails the Quarkus build, naming the type to use. */
class CallbackFutureOfWrongResultTypeTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class IntegerReporter {
        @OnDone(task = "work")
        void log(Future<Integer> future) {
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Worker.class, IntegerReporter.class)
            .assertException(failure -> assertMentions(onlyProblem(failure),
                    method(IntegerReporter.class, "log(Future)"), "Future<Integer>", method(Worker.class, "work()"),
                    "String", "Declare Future<String> or Future<?>"));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
