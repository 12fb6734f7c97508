package dev.cdiasync.it.quarkus.shutdown;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.QuarkusUnitTest;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Semantics 8 on Quarkus, with the default executor (Quarkus's pool): stopping the application with
 * calls in flight drains them like leaving Python's {@code with ThreadPoolExecutor()} block. The
 * bodies wait until Quarkus's {@link ShutdownEvent}, which comes before the library's drain at
 * {@code @BeforeDestroyed(ApplicationScoped.class)}; they then finish within the grace period and every
 * callback runs once before the application is gone. A call made after the drain began is refused.
 * What happened is checked after the application stopped.
 */
class ShutdownDrainTest {

    private static final String LOG = "cdiasync.it.ShutdownDrainTest";
    private static final int CALLS = 5;

    @ApplicationScoped
    public static class Work {
        static final CountDownLatch SHUTDOWN_BEGAN = new CountDownLatch(1);

        @Async(task = "drained")
        public CompletableFuture<String> work(String id) throws InterruptedException {
            Shared.record(LOG, "body " + id + " started");
            if (SHUTDOWN_BEGAN.await(30, SECONDS)) {
                Thread.sleep(200); // simulated work, well within the default grace period of 10 s
                Shared.record(LOG, "body " + id + " finished");
            }
            return CompletableFuture.completedFuture("done " + id);
        }
    }

    @ApplicationScoped
    public static class Recorder {
        @OnDone(task = "drained")
        void annotated(AsyncFuture<String> future) {
            Shared.record(LOG, "annotated " + outcome(future));
        }

        void shutdown(@Observes ShutdownEvent event) {
            Shared.record(LOG, "shutdown began");
            Work.SHUTDOWN_BEGAN.countDown();
        }

        /** Runs after the library's own observer, which began the drain. */
        void lateCall(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) @BeforeDestroyed(ApplicationScoped.class)
                Object event, Work work) throws InterruptedException {
            Shared.record(LOG, "late call");
            AsyncFuture<String> future = (AsyncFuture<String>) work.work("late");
            future.addDoneCallback(f -> Shared.record(LOG, "runtime " + outcome(f)));
        }
    }

    static String outcome(AsyncFuture<String> future) {
        if (!future.isDone()) {
            return "not done";
        }
        try {
            return future.join();
        } catch (CompletionException e) {
            return "failed " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(Work.class, Recorder.class, Shared.class))
            .setBeforeAllCustomizer(() -> Shared.clear(LOG))
            .setAfterUndeployListener(ShutdownDrainTest::checkAfterTheApplicationStopped);

    @Inject
    Work work;

    @Test
    void callsInFlightWhenTheApplicationStops() throws Exception {
        for (int i = 0; i < CALLS; i++) {
            AsyncFuture<String> future = (AsyncFuture<String>) work.work("#" + i);
            future.addDoneCallback(f -> Shared.record(LOG, "runtime " + outcome(f)));
            assertFalse(future.isDone(), "the body waits for the shutdown");
        }
    }

    /** After the application stopped: what the log says happened, and in which order. */
    static void checkAfterTheApplicationStopped() {
        List<String> lines = Shared.lines(LOG);
        int shutdown = lines.indexOf("shutdown began");
        assertTrue(shutdown >= 0, () -> "Quarkus's ShutdownEvent was never observed: " + lines);
        for (int i = 0; i < CALLS; i++) {
            String id = "#" + i;
            assertEquals(1, count(lines, "body " + id + " started"), () -> id + ": " + lines);
            int finished = lines.indexOf("body " + id + " finished");
            assertTrue(finished > shutdown, () -> id + " finished its work after the shutdown began: " + lines);
            assertEquals(1, count(lines, "annotated done " + id), () -> "annotated callback of " + id + " once: " + lines);
            assertEquals(1, count(lines, "runtime done " + id), () -> "runtime callback of " + id + " once: " + lines);
            assertTrue(lines.indexOf("annotated done " + id) > finished, () -> lines.toString());
        }
        // The call made after the drain began: refused, its callbacks run once, its body never.
        String refused = "failed " + RejectedExecutionException.class.getSimpleName() + ": Call of @Async task"
                + " 'drained' refused: the container is shutting down";
        assertTrue(lines.contains("late call"), () -> lines.toString());
        assertEquals(List.of("annotated " + refused, "runtime " + refused), after(lines, "late call"));
        assertEquals(0, count(lines, "body late started"), () -> lines.toString());
        Shared.clear(LOG);
    }

    private static long count(List<String> lines, String line) {
        return lines.stream().filter(line::equals).count();
    }

    private static List<String> after(List<String> lines, String marker) {
        return new ArrayList<>(lines.subList(lines.indexOf(marker) + 1, lines.size()));
    }
}
