package dev.cdiasync.it.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.order.first.Zed;
import dev.cdiasync.it.order.second.Alpha;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.inject.Inject;

/**
 * Proves the call order of semantics 3: @OnDone callbacks by @Priority (default APPLICATION + 500),
 * ties by declaring class FQN, method name, parameter types; then runtime callbacks in the order added.
 */
@EnableWeld
class CallbackOrderTest {

    /** The order the contract fixes, whatever the order of declaration or of deployment. */
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

    @WeldSetup
    // the callback beans deliberately listed against the expected order
    WeldInitiator weld = AsyncWeld.of(Ranked.class, Alpha.class, Zed.class, OrderedWorker.class, Journal.class);

    @Inject
    OrderedWorker worker;

    @Inject
    Journal journal;

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
        CountDownLatch gate = new CountDownLatch(0);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.run(gate);
        future.join();
        future.addDoneCallback(f -> journal.record("late runtime"));

        List<String> expected = new ArrayList<>(ANNOTATED);
        expected.add("late runtime");
        assertEquals(expected, journal.await(expected.size()));
    }
}
