package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** A malformed or out-of-range setting fails deployment, naming the system property, its value and the default. */
class MalformedSettingTest {

    private static final String THREADS = "dev.cdiasync.threads";
    private static final String GRACE = "dev.cdiasync.shutdown-grace-ms";

    @ApplicationScoped
    public static class Worker {
        @Async
        public void work() {
        }
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty(THREADS);
        System.clearProperty(GRACE);
    }

    @Test
    void threadsThatIsNotANumber() {
        System.setProperty(THREADS, "abc");

        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, THREADS, "'abc'", "whole number", "remove it to use the default");
    }

    @Test
    void threadsThatIsZero() {
        System.setProperty(THREADS, "0");

        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, THREADS, "'0'", "from 1");
    }

    @Test
    void shutdownGraceThatIsNotANumber() {
        System.setProperty(GRACE, "10s");

        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, GRACE, "'10s'", "whole number", "(10000)");
    }
}
