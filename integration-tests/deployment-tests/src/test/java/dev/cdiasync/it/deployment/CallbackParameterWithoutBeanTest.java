package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A callback parameter after the future that no bean satisfies fails deployment. The container checks the callback
 * invoker's argument lookup itself, before the library's validation, so the message is the container's: it names the
 * callback's class and method, the parameter, and says it is unsatisfied.
 */
class CallbackParameterWithoutBeanTest {

    /** An interface no bean of the deployment implements. */
    public interface Metrics {
        void count(String name);
    }

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public void work() {
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "work")
        void count(Future<?> future, Metrics metrics) {
        }
    }

    @ApplicationScoped
    public static class QualifiedReporter {
        @OnDone(task = "work")
        void count(Future<?> future, @Named("audit") Worker worker) {
        }
    }

    @Test
    void namesTheCallbackAndTheParameter() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, Reporter.class.getName() + ".count(", Metrics.class.getName(), "parameter 1",
                "unsatisfied");
    }

    @Test
    void aQualifiedParameterWithoutBeanIsUnsatisfiedToo() {
        String problem = deploy(Worker.class, QualifiedReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, QualifiedReporter.class.getName() + ".count(", "parameter 1", "unsatisfied");
    }
}
