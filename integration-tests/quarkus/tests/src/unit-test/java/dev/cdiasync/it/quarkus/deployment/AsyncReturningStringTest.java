package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/** An @Async method returning a plain String fails the Quarkus build, naming the future types allowed. */
class AsyncReturningStringTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public String fetch(int id) {
            return "done";
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Worker.class)
            .assertException(failure -> assertMentions(onlyProblem(failure), "@Async",
                    method(Worker.class, "fetch(int)"), "returns String",
                    "void, Future<T>, CompletableFuture<T>, CompletionStage<T> or AsyncFuture<T>",
                    "CompletableFuture<String>"));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
