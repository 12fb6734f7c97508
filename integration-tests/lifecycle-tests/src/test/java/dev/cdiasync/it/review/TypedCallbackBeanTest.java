package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * An @OnDone method of a bean restricted with @Typed (its bean class is not among its bean types) deploys, so it must be
 * called (DESIGN 3: "Callbacks run exactly once per future"). On Weld the registry looks the bean up by its class
 * (Registry.handle), finds none, and every call of the callback fails at run time with "No bean of class ..."
 * (on Quarkus, where the invoker looks the instance up, the same bean fails deployment instead).
 */
class TypedCallbackBeanTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    public interface Audit {
        void audit(String what);
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    @Typed(Audit.class)
    public static class AuditLog implements Audit {
        @Override
        public void audit(String what) {
        }

        @OnDone(task = "work")
        void log(AsyncFuture<?> future) {
            EVENTS.add("called");
        }
    }

    @ApplicationScoped
    public static class Failures {
        void failed(@Observes CallbackFailure failure) {
            EVENTS.add("failed: " + failure.failure());
        }
    }

    @Test
    void theCallbackOfATypedBeanIsCalled() throws Exception {
        EVENTS.clear();
        SeContainer booted;
        try {
            booted = Containers.boot(Map.of(), Work.class, AuditLog.class, Failures.class);
        } catch (RuntimeException refused) {
            // A deployment error naming the callback is a fix too (it is what the invoker lookup gives on Quarkus).
            org.junit.jupiter.api.Assertions.assertTrue(String.valueOf(refused.getMessage()).contains("AuditLog"),
                    () -> "refused without naming the callback: " + refused);
            return;
        }
        try (SeContainer container = booted) {
            AsyncFuture<?> future = (AsyncFuture<?>) container.select(Work.class).get().work();
            CompletableFuture<Void> all = new CompletableFuture<>();
            future.addDoneCallback(f -> all.complete(null));
            all.get(30, TimeUnit.SECONDS);

            assertEquals(List.of("called"), EVENTS);
        }
    }
}
