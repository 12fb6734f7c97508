package dev.cdiasync.it.review;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Boots Weld SE with these bean classes; a deployment that must succeed. */
final class Boot {
    private Boot() {
    }

    static WeldContainer deploy(Class<?>... beanClasses) {
        return new Weld().disableDiscovery().addBeanClasses(beanClasses).initialize();
    }

    /** Boots and closes; fails the test with the deployment's message if it does not deploy. */
    static void assertDeploys(String why, Class<?>... beanClasses) {
        try (WeldContainer container = deploy(beanClasses)) {
            // deployed
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(why + " -- but deployment failed with " + e.getClass().getName() + ": "
                    + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.length() > 600 ? message.substring(0, 600) + "..." : message;
    }
}
