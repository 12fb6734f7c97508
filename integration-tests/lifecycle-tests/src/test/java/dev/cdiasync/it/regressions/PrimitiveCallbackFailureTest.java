package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import dev.cdiasync.testing.LogCapture;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Regression: a failing @OnDone method that returns a primitive was reported twice (the isolating interceptor returned
 * null, which Weld could not unbox). It is reported exactly once: one WARNING and one CallbackFailure.
 */
class PrimitiveCallbackFailureTest {

    static final List<CallbackFailure> FAILURES = new CopyOnWriteArrayList<>();
    static final CountDownLatch LAST = new CountDownLatch(1);

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        @OnDone(task = "work")
        @Priority(1)
        int count(Future<String> future) {
            throw new IllegalStateException("count fails");
        }

        @OnDone(task = "work")
        @Priority(2)
        void last(Future<String> future) {
            LAST.countDown();
        }

        void failed(@Observes CallbackFailure failure) {
            FAILURES.add(failure);
        }
    }

    @Test
    void reportedExactlyOnce() throws Exception {
        try (LogCapture log = LogCapture.start();
                SeContainer container = Containers.boot(Map.of(), Work.class, Callbacks.class)) {
            container.select(Work.class).get().work().get(30, SECONDS);
            assertTrue(LAST.await(30, SECONDS), "the next callback ran");

            assertEquals(1, FAILURES.size(), FAILURES::toString);
            assertEquals(IllegalStateException.class, FAILURES.get(0).failure().getClass());
            assertEquals(Callbacks.class.getName() + "#count(Future)", FAILURES.get(0).callback());
            assertEquals(1, log.warnings().stream().filter(r -> r.getMessage().contains("#count(Future)")).count(),
                    () -> "one WARNING: " + log.warnings());
        }
    }
}
