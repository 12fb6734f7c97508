package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** A callback parameter after the future that no bean satisfies fails deployment, naming the parameter and its type. */
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
    void namesTheCallbackTheParameterAndWhatToDeclare() {
        String problem = deploy(Worker.class, Reporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(Reporter.class, "count(Future, Metrics)"), "parameter 2", "Metrics",
                "no bean", "Declare a bean of that type");
    }

    @Test
    void namesTheQualifiersTheBeanLacks() {
        String problem = deploy(Worker.class, QualifiedReporter.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(QualifiedReporter.class, "count(Future, Worker)"), "parameter 2", "@Named",
                "no bean");
    }
}
