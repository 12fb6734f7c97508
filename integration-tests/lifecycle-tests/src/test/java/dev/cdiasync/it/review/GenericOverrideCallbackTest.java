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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * @OnDone is "inherited like observer methods": an override replaces the method it overrides. Declarations.isOverridden
 * compares erased signatures, so an override of a method of a generic superclass (erasure Helper, override's erasure
 * SpecialHelper: Java overrides it through a bridge) is not seen as one; the superclass method is kept as a second
 * callback of Listener. Its invoker (argument lookup of the type variable H) then breaks Weld's validation with
 * "WELD-001601: Cannot extract rawType from H"; were it built, it would dispatch virtually to the override, which would
 * run twice per future (DESIGN 3: exactly once).
 */
class GenericOverrideCallbackTest {

    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Dependent
    public static class Helper {
    }

    @Dependent
    public static class SpecialHelper extends Helper {
    }

    public abstract static class BaseListener<H extends Helper> {
        @OnDone(task = "work")
        void done(AsyncFuture<?> future, H helper) {
            CALLS.add("base");
        }
    }

    @ApplicationScoped
    public static class Listener extends BaseListener<SpecialHelper> {
        @Override
        @OnDone(task = "work")
        void done(AsyncFuture<?> future, SpecialHelper helper) {
            CALLS.add("override");
        }
    }

    @Test
    void theOverrideRunsOncePerFuture() throws Exception {
        CALLS.clear();
        SeContainer booted;
        try {
            booted = Containers.boot(Map.of(), Work.class, Helper.class, SpecialHelper.class, Listener.class);
        } catch (RuntimeException e) {
            throw new AssertionError("a valid override of a generic superclass's callback does not deploy: the"
                    + " overridden BaseListener#done(AsyncFuture, H) was kept as a callback of its own: " + e, e);
        }
        try (SeContainer container = booted) {
            AsyncFuture<?> future = (AsyncFuture<?>) container.select(Work.class).get().work();
            CompletableFuture<Void> all = new CompletableFuture<>();
            future.addDoneCallback(f -> all.complete(null));
            all.get(30, TimeUnit.SECONDS);

            assertEquals(List.of("override"), CALLS, "callbacks run for one future");
        }
    }
}
