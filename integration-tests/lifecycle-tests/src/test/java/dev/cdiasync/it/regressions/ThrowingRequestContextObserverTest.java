package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that a failure while a call's request context starts (here an observer of its initialization that throws)
 * is the call's outcome, as it is for any method behind {@code @ActivateRequestContext}: the body does not run, the
 * future fails with that exception, and every callback still runs, in a request context of its own.
 */
class ThrowingRequestContextObserverTest {

    static final AtomicBoolean ARMED = new AtomicBoolean(true);
    static final List<String> CALLS = new CopyOnWriteArrayList<>();
    static final CountDownLatch LAST = new CountDownLatch(1);

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            CALLS.add("body");
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Saboteur {
        void started(@Observes @Initialized(RequestScoped.class) Object event) {
            if (ARMED.compareAndSet(true, false)) {
                throw new IllegalStateException("observer fails once");
            }
        }
    }

    @Dependent
    public static class Callbacks {
        @OnDone(task = "work")
        @Priority(1)
        void first(AsyncFuture<String> future) {
            CALLS.add("first");
        }

        @OnDone(task = "work")
        @Priority(2)
        void second(AsyncFuture<String> future) {
            CALLS.add("second");
            LAST.countDown();
        }
    }

    @Test
    void theCallFailsWithItAndEveryCallbackStillRuns() throws Exception {
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "1"), Work.class,
                Saboteur.class, Callbacks.class)) {
            CompletableFuture<String> future = container.select(Work.class).get().work();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));

            assertEquals("observer fails once", failed.getCause().getMessage());
            assertTrue(LAST.await(30, SECONDS), "the second callback ran: " + CALLS);
            assertEquals(List.of("first", "second"), CALLS, "the body never ran; both callbacks did");
        }
    }
}
