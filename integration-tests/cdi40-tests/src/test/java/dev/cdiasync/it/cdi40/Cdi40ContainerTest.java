package dev.cdiasync.it.cdi40;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * On a CDI 4.0 container (Weld SE 5.1, as in Jakarta EE 10 servers) the library cannot call callbacks through CDI
 * 4.1 method invokers: deployment fails with one message that says cdi-async needs CDI 4.1 and which CDI the
 * container has, instead of a raw linkage error.
 */
class Cdi40ContainerTest {

    @ApplicationScoped
    public static class Worker {
        @Async
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Test
    void deploymentFailsSayingCdi41IsNeededAndWhichCdiThisIs() {
        // Weld reports a failed extension as the ServiceLoader's error, whose cause is the library's message.
        Throwable failure = assertThrows(Throwable.class, () -> {
            try (WeldContainer container = new Weld().disableDiscovery().addBeanClasses(Worker.class).initialize()) {
                container.select(Worker.class).get().work().join();
            }
        });

        String messages = messages(failure);
        assertTrue(messages.contains("cdi-async needs CDI 4.1 (Jakarta EE 11)"), messages);
        assertTrue(messages.contains("provides CDI 4.0.1"), messages);
        assertTrue(!messages.contains("NoSuchMethodError") && !messages.contains("NoClassDefFoundError"), messages);
    }

    /* Every message of the cause chain, one per line. */
    private static String messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getClass().getName() + ": " + t.getMessage());
        }
        return String.join("\n", messages);
    }
}
