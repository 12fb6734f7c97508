package dev.cdiasync.it.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;

/** Boots Weld SE with the extension and a set of bean classes that must not deploy, and reads why they did not. */
final class Deployments {

    private Deployments() {
    }

    /**
     * Boots a container with discovery disabled, the extension and the given bean classes, expecting the boot to fail
     * with a {@link DefinitionException} or a {@link DeploymentException}. A container that boots is closed at once and
     * the test fails; any other exception propagates.
     */
    static Failure deploy(Class<?>... beanClasses) {
        Weld weld = new Weld().disableDiscovery().addBeanClasses(beanClasses);
        try (WeldContainer container = weld.initialize()) {
            return fail("Deployment of " + names(beanClasses) + " succeeded; it should have failed");
        } catch (DefinitionException | DeploymentException e) {
            return new Failure(e);
        }
    }

    /**
     * The way a user writes a method in the messages: {@code com.acme.Reporter#log(Future)}, the fully qualified (binary)
     * name of the declaring class, then the method with the simple names of its parameter types.
     */
    static String method(Class<?> declaringClass, String nameAndParameters) {
        return declaringClass.getName() + "#" + nameAndParameters;
    }

    /** Asserts that a message contains each fragment, showing the whole message when one is missing. */
    static void assertMentions(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected the message to contain <" + fragment + ">, but it"
                    + " reads:\n" + message);
        }
    }

    /** Asserts that a message contains none of the fragments. */
    static void assertDoesNotMention(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(!message.contains(fragment), () -> "expected the message not to contain <" + fragment + ">, but"
                    + " it reads:\n" + message);
        }
    }

    private static String names(Class<?>[] classes) {
        return Arrays.stream(classes).map(Class::getSimpleName).toList().toString();
    }

    /**
     * A failed deployment: the exception the container threw and the problems it reports, one message each. Weld wraps
     * several problems in one exception ("Exception List with N exceptions") and attaches each as a suppressed exception.
     */
    record Failure(RuntimeException exception) {

        /** The message of each problem reported, in the order the container lists them. */
        List<String> problems() {
            List<String> problems = new ArrayList<>();
            for (Throwable suppressed : exception.getSuppressed()) {
                problems.add(String.valueOf(suppressed.getMessage()));
            }
            if (problems.isEmpty()) {
                for (Throwable t = exception; t != null; t = t.getCause()) {
                    if (t.getMessage() != null) {
                        problems.add(t.getMessage());
                        break;
                    }
                }
            }
            return problems;
        }

        /**
         * Asserts the deployment failed with a deployment problem: the library reports every mistake of its
         * declarations when the container validates the deployment, and malformed settings when it starts.
         */
        Failure isDeploymentProblem() {
            assertInstanceOf(DeploymentException.class, exception, this::describe);
            return this;
        }

        /** The only problem reported: the deployment had exactly one mistake and it was reported once. */
        String onlyProblem() {
            List<String> problems = problems();
            assertEquals(1, problems.size(), this::describe);
            return problems.get(0);
        }

        /** The one problem that names the method, written as {@link Deployments#method}. */
        String problemAbout(String method) {
            List<String> matching = problems().stream().filter(problem -> problem.contains(method)).toList();
            assertEquals(1, matching.size(), () -> "expected exactly one problem naming " + method + "; "
                    + describe());
            return matching.get(0);
        }

        private String describe() {
            return exception.getClass().getName() + " reporting " + problems().size() + " problem(s):\n"
                    + String.join("\n", problems());
        }
    }
}
