package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A callback parameter after the future that no bean satisfies fails the Quarkus build. ArC checks the
 * callback invoker's argument lookup itself, before the library's validation, so the message is ArC's
 * ("Unsatisfied dependency for type ... - injection target: parameter 'metrics' of ...Reporter#count()
 * - declared on invoker of ...Reporter#count"): it still names the callback and the parameter.
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

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Worker.class, Reporter.class, Metrics.class)
            .assertException(failure -> assertMentions(onlyProblem(failure), "Unsatisfied dependency",
                    Metrics.class.getName(), "parameter 'metrics'", method(Reporter.class, "count")));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
