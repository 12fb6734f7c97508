package dev.cdiasync.it.quarkus.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.QuarkusUnitTest;
import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * Builds a Quarkus application of a few bean classes that must not deploy, and reads why it did not.
 * The build fails in Quarkus's augmentation, so {@link QuarkusUnitTest#assertException} sees the
 * failure and no test method runs.
 */
final class Deployments {

    private Deployments() {
    }

    /** An application of exactly these classes (and the library, a dependency of this module). */
    static QuarkusUnitTest of(Class<?>... beanClasses) {
        return new QuarkusUnitTest().withApplicationRoot(jar -> jar.addClasses(beanClasses));
    }

    /**
     * The one problem the failed build reports. ArC collects the problems of a deployment in one
     * {@link DeploymentException} ("Found N deployment problems"), each also attached as a suppressed
     * exception; a single problem is that exception itself.
     */
    static String onlyProblem(Throwable failure) {
        List<String> problems = problems(failure);
        assertEquals(1, problems.size(), () -> describe(failure));
        return problems.get(0);
    }

    /** The message of each problem reported. */
    static List<String> problems(Throwable failure) {
        DeploymentException deployment = assertInstanceOf(DeploymentException.class, deploymentException(failure),
                () -> describe(failure));
        List<String> problems = new ArrayList<>();
        for (Throwable suppressed : deployment.getSuppressed()) {
            problems.add(String.valueOf(suppressed.getMessage()));
        }
        if (problems.isEmpty()) {
            problems.add(String.valueOf(deployment.getMessage()));
        }
        return problems;
    }

    private static Throwable deploymentException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DeploymentException) {
                return t;
            }
        }
        return failure;
    }

    /** How a user writes a method in the messages: the binary name of the class, then the method. */
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

    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder("the build failed with:");
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append("\n  ").append(t.getClass().getName()).append(": ").append(t.getMessage());
            for (Throwable suppressed : t.getSuppressed()) {
                text.append("\n    suppressed ").append(suppressed.getClass().getName()).append(": ")
                        .append(suppressed.getMessage());
            }
        }
        return text.toString();
    }
}
