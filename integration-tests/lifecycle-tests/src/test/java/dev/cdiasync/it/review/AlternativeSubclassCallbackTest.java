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
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * DESIGN: @OnDone is "inherited like observer methods": a callback declared by Reporter is a callback of the bean
 * Reporter and of the bean SpecialReporter that inherits it, each called on its own bean's instance (as the container
 * notifies an observer method on its declaring bean). Registry.handle resolves the instance by type, so when the
 * subclass is an enabled alternative, Reporter's callback is called on SpecialReporter's instance: twice there, never on
 * Reporter.
 */
class AlternativeSubclassCallbackTest {

    static final List<String> CALLED_ON = new CopyOnWriteArrayList<>();

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "work")
        void log(AsyncFuture<?> future) {
            CALLED_ON.add(getClass().getSimpleName());
        }
    }

    @Alternative
    @Priority(1)
    @ApplicationScoped
    public static class SpecialReporter extends Reporter {
    }

    @Test
    void eachBeanHearsOnItsOwnInstance() throws Exception {
        CALLED_ON.clear();
        try (SeContainer container = Containers.boot(Map.of(), Work.class, Reporter.class, SpecialReporter.class)) {
            AsyncFuture<?> future = (AsyncFuture<?>) container.select(Work.class).get().work();
            CompletableFuture<Void> all = new CompletableFuture<>();
            future.addDoneCallback(f -> all.complete(null));
            all.get(30, TimeUnit.SECONDS);

            assertEquals(List.of("Reporter", "SpecialReporter"), CALLED_ON.stream().sorted().toList(),
                    "the instances the callback Reporter#log was called on, one per bean");
        }
    }
}
