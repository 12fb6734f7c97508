package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.deployment.Deployments.Failure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Every mistake of a deployment is reported in the same failure, so a user fixes them all after one boot, not one per
 * restart: the declarations and executors, checked when the container validates the deployment; then the settings,
 * read when the application starts.
 */
class SeveralMistakesReportedTogetherTest {

    private static final String THREADS = "dev.cdiasync.threads";
    private static final String GRACE = "dev.cdiasync.shutdown-grace-ms";

    /** No mistake at all. */
    @ApplicationScoped
    public static class Sound {
        @Async
        public void work() {
        }
    }

    /** Three mistakes of shape in one bean, and a good task. */
    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }

        @Async
        private void hidden() {
        }

        @Async
        public String fetch() {
            return "done";
        }

        @Async
        public static void tidy() {
        }
    }

    /** Three mistakes of callbacks in another bean. */
    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "wrok")
        void misspelt(Future<?> future) {
        }

        @OnDone(task = "work")
        void wrongType(Future<Integer> future) {
        }

        @OnDone(task = "work")
        void noFuture() {
        }
    }

    /** Mistakes found at deployment validation: an unknown executor, and an executor qualifier on a non-executor. */
    @ApplicationScoped
    public static class ValidationMistakes {
        @Async(executor = "nowhere")
        public void work() {
        }

        @Produces
        @AsyncExecutor("io")
        String notAnExecutor() {
            return "io";
        }
    }

    @AfterEach
    void clearSettings() {
        System.clearProperty(THREADS);
        System.clearProperty(GRACE);
    }

    @Test
    void mistakesOfSeveralBeansAreReportedTogether() {
        Failure failure = deploy(Worker.class, Reporter.class, ValidationMistakes.class).isDeploymentProblem();

        assertEquals(8, failure.problems().size(), () -> String.join("\n", failure.problems()));
        assertMentions(failure.problemAbout(method(Worker.class, "hidden()")), "private");
        assertMentions(failure.problemAbout(method(Worker.class, "fetch()")), "returns String");
        assertMentions(failure.problemAbout(method(Worker.class, "tidy()")), "static");
        assertMentions(failure.problemAbout(method(Reporter.class, "misspelt(Future)")), "did you mean 'work'?");
        assertMentions(failure.problemAbout(method(Reporter.class, "wrongType(Future)")), "Future<String>");
        assertMentions(failure.problemAbout(method(Reporter.class, "noFuture()")), "no parameter");
        assertMentions(failure.problemAbout(method(ValidationMistakes.class, "work()")), "'nowhere'");
        assertMentions(failure.problemAbout("@AsyncExecutor(\"io\")"), "not an Executor");
    }

    @Test
    void malformedSettingsAreReportedTogether() {
        System.setProperty(THREADS, "abc");
        System.setProperty(GRACE, "10s");

        Failure failure = deploy(Sound.class).isDeploymentProblem();

        assertMentions(failure.exception().getMessage(), THREADS + "='abc'", GRACE + "='10s'");
    }
}
