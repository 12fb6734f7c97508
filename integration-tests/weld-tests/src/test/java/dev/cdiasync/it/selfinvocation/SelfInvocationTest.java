package dev.cdiasync.it.selfinvocation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Pins down what Weld does when a bean calls its own @Async method through {@code this}: the call is
 * not intercepted, so it runs synchronously and no callback hears it; through an injected reference
 * to itself, the same call is asynchronous.
 */
@EnableWeld
class SelfInvocationTest {

    @ApplicationScoped
    public static class SelfCaller {

        @Inject
        SelfCaller self;

        @Inject
        Journal journal;

        /** Calls {@link #inner} through {@code this}. */
        public CompletableFuture<String> throughThis() {
            journal.record("caller on " + Thread.currentThread().getName());
            return this.inner();
        }

        /** Calls {@link #inner} through the bean's own contextual reference. */
        public CompletableFuture<String> throughSelf() {
            journal.record("caller on " + Thread.currentThread().getName());
            return self.inner();
        }

        @Async(task = "inner")
        public CompletableFuture<String> inner() {
            journal.record("body on " + Thread.currentThread().getName());
            return CompletableFuture.completedFuture("inner");
        }

        @OnDone(task = "inner")
        void heard(Future<String> future) {
            journal.record("callback");
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(SelfCaller.class, Journal.class);

    @Inject
    SelfCaller bean;

    @Inject
    Journal journal;

    @Test
    void callThroughThisRunsSynchronouslyWithoutCallbacks() throws Exception {
        CompletableFuture<String> future = bean.throughThis();

        assertFalse(future instanceof AsyncFuture<?>, "the body's own future came back: " + future);
        assertTrue(future.isDone(), "the body already ran, on the caller's thread");
        String me = Thread.currentThread().getName();
        assertEquals(List.of("caller on " + me, "body on " + me), journal.entries(), "and no callback ran");
    }

    @Test
    void callThroughAnInjectedSelfReferenceIsAsynchronous() throws Exception {
        CompletableFuture<String> future = bean.throughSelf();

        AsyncFuture<?> async = assertInstanceOf(AsyncFuture.class, future);
        assertEquals("inner", async.get(Journal.TIMEOUT_SECONDS, SECONDS));
        List<String> entries = journal.await(3);
        assertTrue(entries.get(1).startsWith("body on cdi-async-"), entries::toString);
        assertEquals("callback", entries.get(2));
    }
}
