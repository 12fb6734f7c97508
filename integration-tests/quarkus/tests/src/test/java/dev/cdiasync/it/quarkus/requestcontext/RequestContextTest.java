package dev.cdiasync.it.quarkus.requestcontext;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.quarkus.support.Journal;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Semantics 5 on Quarkus: one request context per call. The body and the callbacks dispatched right
 * after it on the worker share one, ended after the last callback; the next call gets a new one;
 * each is destroyed once.
 */
@QuarkusTest
class RequestContextTest {

    @Inject
    RequestWorker worker;

    @Inject
    Journal journal;

    @Inject
    RequestState testState;

    @BeforeEach
    void clear() {
        journal.reset();
    }

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
        AsyncFuture<Integer> pending = startedCall(gate);

        // Cancelled on a thread of its own, which has no request context (a @QuarkusTest method's has one).
        Thread canceller = new Thread(() -> pending.cancel(false), "canceller");
        canceller.start();
        canceller.join(SECONDS.toMillis(Journal.TIMEOUT_SECONDS));
        List<String> entries = journal.entries();
        gate.countDown();

        assertEquals(3, entries.size(), entries::toString);
        int dispatch = number(entries.get(0));
        assertEquals(List.of("first callback uses #" + dispatch, "second callback uses #" + dispatch,
                "destroyed #" + dispatch), entries, "one context for the dispatch, ended after its last callback");
        // The body, released now, ends in its own context; wait for it so that the next test starts clean.
        List<String> after = journal.await(5);
        assertTrue(after.get(3).startsWith("body uses #"), after::toString);
    }

    /**
     * A {@code @QuarkusTest} method runs with a request context active (Weld's tests do not): callbacks
     * dispatched on such a thread use that context, and the library activates and ends none.
     */
    @Test
    void callbacksDispatchedOnAThreadWithARequestContextUseIt() throws Exception {
        assertTrue(Arc.container().requestContext().isActive(), "Quarkus activates one for each test method");
        int mine = testState.id();
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<Integer> pending = startedCall(gate);
        journal.reset(); // the id taken above

        assertTrue(pending.cancel(false));
        List<String> entries = journal.entries();
        gate.countDown();

        assertEquals(List.of("first callback uses #" + mine, "second callback uses #" + mine), entries,
                "the callbacks used the test method's instance, and nothing was destroyed");
        // The body, released now, ends in a context of its own, destroyed with it.
        List<String> after = journal.await(4);
        int body = number(after.get(2));
        assertNotEquals(mine, body);
        assertEquals(List.of("body uses #" + body + " throughout", "destroyed #" + body), after.subList(2, 4));
    }

    private AsyncFuture<Integer> startedCall(CountDownLatch gate) throws InterruptedException {
        AsyncFuture<Integer> call = (AsyncFuture<Integer>) worker.job(gate);
        long deadline = System.nanoTime() + SECONDS.toNanos(Journal.TIMEOUT_SECONDS);
        while (!call.isRunning()) { // the body waits at the gate, so that it ends in a known way
            assertTrue(System.nanoTime() < deadline, "the body never started");
            Thread.sleep(1);
        }
        return call;
    }

    private static int number(String entry) {
        String digits = entry.substring(entry.indexOf('#') + 1).split(" ")[0];
        return Integer.parseInt(digits);
    }
}
