package dev.cdiasync.it.regressions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Regression: an @OnDone method that application code calls directly had its exception swallowed by the isolating
 * interceptor. Isolation belongs to the library's dispatch, so a direct call is a plain method call: what the method
 * throws reaches its caller, and nothing is reported.
 */
class DirectCallbackCallTest {

    static final List<CallbackFailure> FAILURES = new CopyOnWriteArrayList<>();

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public void work() {
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        @OnDone(task = "work")
        void check(Future<?> future) {
            throw new IllegalArgumentException("rejected by the callback");
        }

        void failed(@Observes CallbackFailure failure) {
            FAILURES.add(failure);
        }
    }

    @Test
    void theExceptionReachesTheCaller() {
        try (SeContainer container = Containers.boot(Map.of(), Work.class, Callbacks.class)) {
            Callbacks callbacks = container.select(Callbacks.class).get();

            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                    () -> callbacks.check(AsyncFuture.completed("by hand")));

            assertEquals("rejected by the callback", thrown.getMessage());
            assertTrue(FAILURES.isEmpty(), () -> "a direct call is not a dispatch: " + FAILURES);
        }
    }
}
