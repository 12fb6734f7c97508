package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A malformed dev.cdiasync.virtual-threads value, or true on a Java without virtual threads, fails deployment naming
 * the property and what to do.
 */
class VirtualThreadsSettingTest {

    private static final String PROPERTY = "dev.cdiasync.virtual-threads";

    @ApplicationScoped
    public static class Worker {
        @Async
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @AfterEach
    void clear() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void aValueThatIsNeitherTrueNorFalse() {
        System.setProperty(PROPERTY, "yes");

        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, PROPERTY, "'yes'", "neither true nor false");
    }

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20)
    void trueOnAJavaWithoutVirtualThreads() {
        System.setProperty(PROPERTY, "true");

        String problem = deploy(Worker.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, PROPERTY + "=true", "needs Java 21 or later");
    }
}
