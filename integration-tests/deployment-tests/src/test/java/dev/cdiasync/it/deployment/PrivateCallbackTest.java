package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A private callback, which the container cannot call, fails deployment instead of being skipped. */
class PrivateCallbackTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public void work() {
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "work")
        private void log(Future<?> future) {
        }
    }

    @Test
    void namesTheMethodAndSaysWhatToChange() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Reporter.class, "log(Future)"), "private", "Make it package-private, protected or public");
    }
}
