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

/** A callback whose task name is misspelt fails the Quarkus build, and the message suggests the task meant. */
class UnknownTaskWithCloseNameTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "report")
        public CompletableFuture<String> report() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class MisspeltReporter {
        @OnDone(task = "reprot")
        void log(Future<String> future) {
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Worker.class, MisspeltReporter.class)
            .assertException(failure -> assertMentions(onlyProblem(failure),
                    method(MisspeltReporter.class, "log(Future)"), "'reprot'", "did you mean 'report'?"));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
