package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** @Async on a class checks each business method: one returning String fails deployment, and the message says the annotation came from the class. */
class ClassLevelAsyncReturningStringTest {

    @Async
    @ApplicationScoped
    public static class Worker {
        public CompletableFuture<String> fetch() {
            return CompletableFuture.completedFuture("done");
        }

        public String describe() {
            return "worker";
        }

        /** Methods of Object are left alone, so this one is not a mistake. */
        @Override
        public String toString() {
            return "Worker";
        }
    }

    @Test
    void namesTheMethodAndTheAnnotatedClass() {
        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Worker.class, "describe()"), "@Async on class " + Worker.class.getName(),
                "returns String", "CompletableFuture<String>");
    }
}
