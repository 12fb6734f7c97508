package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Proves that request-scoped state never leaks from one call to the next on the same pool thread: each call has a
 * request context of its own, shared by its body and the callbacks dispatched right after it, and ended after them.
 */
class RequestScopeLeakTest {

    /** Request-scoped state; it reports its destruction to the journal. */
    @RequestScoped
    public static class RequestState {
        @Inject
        Journal journal;

        /* Tells instances apart: a method returning 'this' through a client proxy returns the proxy. */
        private final Object identity = new Object();

        public Object identity() {
            return identity;
        }

        @PreDestroy
        void destroyed() {
            journal.destroyed.add(identity);
            journal.ended.countDown();
        }
    }

    @Singleton
    public static class Journal {
        final List<Object> destroyed = new CopyOnWriteArrayList<>();
        final List<Object> seenByCallbacks = new CopyOnWriteArrayList<>();
        final CountDownLatch callbacks = new CountDownLatch(2);
        final CountDownLatch ended = new CountDownLatch(2);
    }

    @ApplicationScoped
    public static class Work {
        @Inject
        RequestState state;

        @Async(task = "scoped")
        public CompletableFuture<Object[]> scoped() {
            return CompletableFuture.completedFuture(new Object[] {state.identity(), Thread.currentThread().getName()});
        }
    }

    @ApplicationScoped
    public static class Callback {
        @Inject
        RequestState state;
        @Inject
        Journal journal;

        @OnDone(task = "scoped")
        void done(AsyncFuture<Object[]> future) {
            journal.seenByCallbacks.add(state.identity());
            journal.callbacks.countDown();
        }
    }

    @Test
    void eachCallGetsAFreshRequestContextEvenOnTheSameThread() throws Exception {
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "1"),
                RequestState.class, Journal.class, Work.class, Callback.class)) {
            Work work = container.select(Work.class).get();
            Journal journal = container.select(Journal.class).get();

            Object[] first = work.scoped().get(30, SECONDS);
            Object[] second = work.scoped().get(30, SECONDS);
            assertTrue(journal.callbacks.await(30, SECONDS));
            assertTrue(journal.ended.await(30, SECONDS), "both request contexts ended");

            assertEquals(first[1], second[1], "one pool thread ran both calls");
            assertNotSame(first[0], second[0], "the second call must not see the first call's request state");
            assertEquals(List.of(first[0], second[0]), journal.seenByCallbacks, "each callback saw its call's state");
            assertEquals(List.of(first[0], second[0]), journal.destroyed, "each call's state destroyed once");
        }
    }
}
