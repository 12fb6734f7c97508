package dev.cdiasync.it.quarkus.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.quarkus.support.Journal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The call order of semantics 3 on Quarkus: @OnDone callbacks by @Priority (default APPLICATION + 500),
 * ties by declaring class FQN, method name, parameter types; then runtime callbacks in the order added.
 * No bean injects the callback beans: ArC must keep them all the same.
 */
@QuarkusTest
class CallbackOrderTest {

    private static final List<String> ANNOTATED = List.of(
            "10",
            "2499",
            "first.Zed#explicit",
            "first.Zed#zed",
            "second.Alpha#alpha",
            "second.Alpha#beta",
            "second.Alpha#overload(AsyncFuture)",
            "second.Alpha#overload(CompletableFuture)",
            "second.Alpha#overload(CompletionStage)",
            "second.Alpha#overload(Future)",
            "2501",
            "3000");

    @Inject
    OrderedWorker worker;

    @Inject
    Journal journal;

    @BeforeEach
    void clearJournal() {
        journal.reset();
    }

    @Test
    void annotatedCallbacksRunInDeclaredOrderThenRuntimeCallbacksInOrderAdded() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.run(gate);
        future.addDoneCallback(f -> journal.record("runtime 1"))
                .addDoneCallback(f -> journal.record("runtime 2"))
                .addDoneCallback(f -> journal.record("runtime 3"));
        gate.countDown();

        List<String> expected = new ArrayList<>(ANNOTATED);
        expected.addAll(List.of("runtime 1", "runtime 2", "runtime 3"));
        assertEquals(expected, journal.await(expected.size()));
    }

    @Test
    void runtimeCallbackAddedAfterCompletionStillComesAfterTheAnnotatedOnes() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) worker.run(new CountDownLatch(0));
        future.join();
        future.addDoneCallback(f -> journal.record("late runtime"));

        List<String> expected = new ArrayList<>(ANNOTATED);
        expected.add("late runtime");
        assertEquals(expected, journal.await(expected.size()));
    }

    @Test
    void eachCallbackRunsOncePerCall() throws Exception {
        for (int i = 0; i < 3; i++) {
            ((AsyncFuture<String>) worker.run(new CountDownLatch(0))).addDoneCallback(f -> journal.record("end"));
        }
        // A runtime callback runs after every annotated one of its call: with three "end"s, all have run.
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.addAll(ANNOTATED);
            expected.add("end");
        }
        List<String> entries = journal.await(expected.size());
        // The calls may overlap on Quarkus's pool: compare what ran, not the interleaving.
        assertEquals(sorted(expected), sorted(entries));
    }

    private static List<String> sorted(List<String> entries) {
        List<String> copy = new ArrayList<>(entries);
        copy.sort(null);
        return copy;
    }
}
