package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/** Two classes of one simple name whose @Async methods keep their default task name fail the Quarkus build. */
class EqualDefaultTaskNamesTest {

    static class Billing {
        @ApplicationScoped
        public static class Worker {
            @Async
            public void run() {
            }
        }
    }

    static class Shipping {
        @ApplicationScoped
        public static class Worker {
            @Async
            public void run() {
            }
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Billing.Worker.class, Shipping.Worker.class)
            .assertException(failure -> assertMentions(onlyProblem(failure), method(Billing.Worker.class, "run()"),
                    method(Shipping.Worker.class, "run()"), "'Worker.run'", "explicit", "@Async(task = "));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
