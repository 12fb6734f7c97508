package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * @OnDone on an interface method, which the container never finds on the implementing bean (so it would never be
 * called), fails deployment and points at the implementing method.
 */
class OnDoneOnInterfaceMethodTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    public interface Listener {
        @OnDone(task = "work")
        void finished(Future<String> future);
    }

    @ApplicationScoped
    public static class LoggingListener implements Listener {
        @Override
        public void finished(Future<String> future) {
        }
    }

    @Test
    void namesTheInterfaceMethodAndTheImplementationToAnnotate() {
        String problem = deploy(Worker.class, LoggingListener.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@OnDone", method(Listener.class, "finished(Future)"), LoggingListener.class.getName(),
                "never be called");
    }
}
