package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A callback parameter that two beans satisfy fails deployment, naming both beans and how to choose one. */
class AmbiguousCallbackParameterTest {

    public interface Metrics {
        void count(String name);
    }

    @ApplicationScoped
    public static class LogMetrics implements Metrics {
        @Override
        public void count(String name) {
        }
    }

    @ApplicationScoped
    public static class JmxMetrics implements Metrics {
        @Override
        public void count(String name) {
        }
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

    @Test
    void namesTheCallbackTheParameterAndTheCandidates() {
        String problem = deploy(LogMetrics.class, JmxMetrics.class, Worker.class, Reporter.class).isDeploymentProblem()
                .onlyProblem();

        assertMentions(problem, Reporter.class.getName() + ".count(", Metrics.class.getName(), "parameter 1",
                "ambiguous");
    }
}
