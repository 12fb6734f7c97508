package dev.cdiasync.it.executors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.support.ApplicationExecutor;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Singleton;

/** Proves that an application bean qualified {@code @AsyncExecutor} replaces the default executor and is never shut down by the library. */
class ReplacedDefaultExecutorTest {

    /**
     * The application's default executor: a pool of "app-worker" threads that counts the shutdown
     * calls it gets. A @Singleton holds one instance for the container, which the test keeps after close.
     */
    @Singleton
    @AsyncExecutor
    public static class AppExecutor extends ApplicationExecutor {
        public AppExecutor() {
            super("app-worker", false);
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async
        public CompletableFuture<String> where() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    private AppExecutor app;

    @AfterEach
    void releaseTheApplicationPool() throws InterruptedException {
        if (app != null) {
            app.release(); // the application's own job, which the library leaves to it
        }
    }

    @Test
    void theApplicationExecutorRunsTheCallsAndOutlivesTheContainer() throws Exception {
        Set<Thread> before = new HashSet<>(Containers.liveAsyncThreads());
        try (SeContainer container = Containers.boot(Map.of(), AppExecutor.class, Work.class)) {
            app = container.select(AppExecutor.class, AsyncExecutor.Literal.DEFAULT).get();
            ExecutorService injected = container.select(ExecutorService.class, AsyncExecutor.Literal.DEFAULT).get();
            assertSame(app, injected, "@Inject @AsyncExecutor ExecutorService is the application's bean");

            String thread = container.select(Work.class).get().where().get(30, SECONDS);
            assertEquals("app-worker", thread);
            for (int i = 0; i < 20; i++) {
                assertEquals("app-worker", container.select(Work.class).get().where().get(30, SECONDS));
            }
        }
        assertEquals(0, app.shutdownCalls(), "the library never shuts down an executor it did not create");
        assertFalse(app.isShutdown());
        assertEquals("still usable", CompletableFuture.supplyAsync(() -> "still usable", app).get(30, SECONDS));
        List<Thread> created = Containers.liveAsyncThreads().stream().filter(t -> !before.contains(t))
                .collect(Collectors.toList());
        assertTrue(created.isEmpty(), "the library made no pool of its own: " + Containers.describe(created));
    }
}
