package dev.cdiasync.it.quarkus.deployment;

import static dev.cdiasync.it.quarkus.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.quarkus.deployment.Deployments.method;
import static dev.cdiasync.it.quarkus.deployment.Deployments.onlyProblem;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.context.ApplicationScoped;

/** @Async on an interface method, which is never inherited by the implementing bean, fails the Quarkus build. */
class AsyncOnInterfaceMethodTest {

    public interface Mailer {
        @Async(task = "mail")
        CompletableFuture<String> send(String to);
    }

    @ApplicationScoped
    public static class SmtpMailer implements Mailer {
        @Override
        public CompletableFuture<String> send(String to) {
            return CompletableFuture.completedFuture("sent");
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest BUILD = Deployments.of(Mailer.class, SmtpMailer.class)
            .assertException(failure -> assertMentions(onlyProblem(failure), "@Async",
                    method(Mailer.class, "send(String)"), SmtpMailer.class.getName()));

    @Test
    void theBuildFails() {
        fail("the build should have failed");
    }
}
