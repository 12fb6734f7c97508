package dev.cdiasync.it.requestcontext;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Proves semantics 5: one request context per call. The body and the callbacks dispatched right after it on the
 * worker share one, activated once and ended after the last callback; callbacks dispatched on another thread (a
 * cancelling one) get one for the whole dispatch; the next call gets a new one; each is destroyed once.
 */
@EnableWeld
class RequestContextTest {

    /** Numbers request-scoped instances, per deployment. */
    @ApplicationScoped
    public static class Sequence {
        private final AtomicInteger next = new AtomicInteger();

        int next() {
            return next.incrementAndGet();
        }
    }

    @RequestScoped
    public static class RequestState {

        @Inject
        Sequence sequence;

        @Inject
        Journal journal;

        private int id;

        @PostConstruct
        void create() {
            id = sequence.next();
        }

        int id() {
            return id;
        }

        @PreDestroy
        void destroy() {
            journal.record("destroyed #" + id);
        }
    }

    @ApplicationScoped
    public static class Worker {

        @Inject
        RequestState state;

        @Inject
        Journal journal;

        @Async(task = "job")
        public CompletableFuture<Integer> job(CountDownLatch gate) throws InterruptedException {
            gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
            int id = state.id();
            journal.record("body uses #" + id + (id == state.id() ? " throughout" : " then another"));
            return CompletableFuture.completedFuture(id);
        }
    }

    @ApplicationScoped
    public static class Listener {

        @Inject
        RequestState state;

        @Inject
        Journal journal;

        @OnDone(task = "job")
        @Priority(1)
        void first(Future<Integer> future) {
            journal.record("first callback uses #" + state.id());
        }

        @OnDone(task = "job")
        @Priority(2)
        void second(Future<Integer> future) {
            journal.record("second callback uses #" + state.id());
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Sequence.class, RequestState.class, Worker.class, Listener.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @Test
    void bodyAndItsCallbacksShareOneRequestContextEndedAfterTheLastCallback() throws Exception {
        worker.job(new CountDownLatch(0)).get(Journal.TIMEOUT_SECONDS, SECONDS);
        List<String> entries = journal.await(4);
        int body = number(entries.get(0));
        assertEquals(List.of(
                "body uses #" + body + " throughout",
                "first callback uses #" + body,
                "second callback uses #" + body,
                "destroyed #" + body), entries, "one instance for the call, destroyed after its last callback");

        worker.job(new CountDownLatch(0)).get(Journal.TIMEOUT_SECONDS, SECONDS);
        List<String> next = journal.await(8).subList(4, 8);
        int second = number(next.get(0));
        assertNotEquals(body, second, "the next call gets a request context of its own");
        assertEquals(List.of(
                "body uses #" + second + " throughout",
                "first callback uses #" + second,
                "second callback uses #" + second,
                "destroyed #" + second), next);
    }

    @Test
    void concurrentCallsEachGetTheirOwnRequestContext() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<Integer> one = worker.job(gate);
        Future<Integer> two = worker.job(gate);
        gate.countDown();

        int a = one.get(Journal.TIMEOUT_SECONDS, SECONDS);
        int b = two.get(Journal.TIMEOUT_SECONDS, SECONDS);
        assertNotEquals(a, b);
        List<String> entries = journal.await(8);
        for (int id : List.of(a, b)) {
            assertEquals(List.of("body uses #" + id + " throughout", "first callback uses #" + id,
                    "second callback uses #" + id, "destroyed #" + id),
                    entries.stream().filter(entry -> entry.contains("#" + id + " ") || entry.endsWith("#" + id)).toList(),
                    () -> "one context per call, destroyed once: " + entries);
        }
    }

    @Test
    void callbacksDispatchedOnAnotherThreadShareOneRequestContextOfTheirOwn() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<Integer> pending = worker.job(gate);

        assertTrue(pending.cancel(false)); // the callbacks run here, on a thread with no request context
        List<String> entries = journal.entries();
        gate.countDown();

        assertEquals(3, entries.size(), entries::toString);
        int dispatch = number(entries.get(0));
        assertEquals(List.of("first callback uses #" + dispatch, "second callback uses #" + dispatch,
                "destroyed #" + dispatch), entries, "one context for the dispatch, ended after its last callback");
    }

    private static int number(String entry) {
        String digits = entry.substring(entry.indexOf('#') + 1).split(" ")[0];
        return Integer.parseInt(digits);
    }
}
