package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;

/**
 * A final class (or a record) with @OnDone or @Async methods, which no container can intercept, fails deployment
 * with the library's message naming the class, not with the container's generic one.
 */
class FinalClassTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Dependent
    public static final class FinalListener {
        @OnDone(task = "work")
        void finished(Future<String> future) {
        }
    }

    @Test
    void namesTheClassAndSaysToRemoveFinal() {
        String problem = deploy(Worker.class, FinalListener.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, FinalListener.class.getName(), "is final", "Remove final");
    }
}
