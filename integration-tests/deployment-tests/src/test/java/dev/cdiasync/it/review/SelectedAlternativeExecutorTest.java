package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * An @AsyncExecutor("io") bean replaced by a selected alternative resolves to the alternative, not to an "ambiguous"
 * deployment failure: the executors are resolved at startup, after the container selected its alternatives. (The
 * selection that reaches a library is the application-wide one, @Priority, the only one CDI Lite knows; a beans.xml
 * &lt;alternatives&gt; entry selects for its own bean archive only: see docs/weld.md.)
 */
class SelectedAlternativeExecutorTest {

    @ApplicationScoped
    public static class Pools {
        @Produces
        @AsyncExecutor("io")
        Executor io() {
            return task -> new Thread(task, "io-default").start();
        }
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class TestPools {
        @Produces
        @AsyncExecutor("io")
        Executor io() {
            return task -> new Thread(task, "io-test").start();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(executor = "io")
        public CompletableFuture<String> where() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @Test
    void aSelectedAlternativeExecutorIsNotAmbiguous() throws Exception {
        Weld weld = new Weld().disableDiscovery().addBeanClasses(Pools.class, TestPools.class, Work.class);
        WeldContainer container;
        try {
            container = weld.initialize();
        } catch (RuntimeException e) {
            throw new AssertionError("a deployment whose executor 'io' resolves to the selected alternative failed: "
                    + e.getMessage(), e);
        }
        try (WeldContainer booted = container) {
            assertEquals("io-test", booted.select(Work.class).get().where().get(30, SECONDS));
        }
    }
}
