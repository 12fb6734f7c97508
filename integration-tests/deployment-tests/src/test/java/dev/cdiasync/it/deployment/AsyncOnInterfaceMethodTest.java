package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * @Async on an interface method, which CDI never inherits into the implementing bean (so every call would run
 * synchronously on the caller's thread), fails deployment and points at the implementing method.
 */
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

    @Test
    void namesTheInterfaceMethodAndTheImplementationToAnnotate() {
        String problem = deploy(SmtpMailer.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, "@Async", method(Mailer.class, "send(String)"), SmtpMailer.class.getName());
    }
}
