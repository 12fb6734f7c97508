package dev.cdiasync.it.requestcontext;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * Proves semantics 5: the body and each annotated callback run in a request context of their own,
 * where a @RequestScoped bean works and is destroyed when the call ends.
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
    void bodyAndEachCallbackGetAFreshRequestContextEndedAfterTheCall() throws Exception {
        worker.job(new CountDownLatch(0)).get(Journal.TIMEOUT_SECONDS, SECONDS);

        // body, its destruction, first callback, its destruction, second callback, its destruction
        List<String> entries = journal.await(6);
        assertEquals(6, entries.size(), entries::toString);
        int body = number(entries.get(0));
        int first = number(entries.get(2));
        int second = number(entries.get(4));
        assertEquals(List.of(
                "body uses #" + body + " throughout",
                "destroyed #" + body,
                "first callback uses #" + first,
                "destroyed #" + first,
                "second callback uses #" + second,
                "destroyed #" + second), entries);
        assertEquals(3, Set.of(body, first, second).size(), "three distinct request-scoped instances");
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
        List<String> entries = journal.await(12);
        Set<String> destroyed = new HashSet<>();
        for (String entry : entries) {
            if (entry.startsWith("destroyed #")) {
                assertTrue(destroyed.add(entry), "destroyed once: " + entries);
            }
        }
        assertEquals(6, destroyed.size(), entries::toString);
    }

    private static int number(String entry) {
        String digits = entry.substring(entry.indexOf('#') + 1).split(" ")[0];
        return Integer.parseInt(digits);
    }
}
