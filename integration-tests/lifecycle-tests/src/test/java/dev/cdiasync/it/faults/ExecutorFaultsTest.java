package dev.cdiasync.it.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Proves semantics 9: a call its executor rejects, or whose executor throws, fails its future with that exception and still runs the callbacks. */
@ExtendWith(WeldJunit5Extension.class)
class ExecutorFaultsTest {

    /** An executor that rejects every task, like a saturated bounded pool; it keeps what it threw. */
    @ApplicationScoped
    @AsyncExecutor("full")
    public static class RejectingExecutor implements Executor {
        private final List<RuntimeException> thrown = new CopyOnWriteArrayList<>();

        @Override
        public void execute(Runnable task) {
            RejectedExecutionException rejected = new RejectedExecutionException("queue full");
            thrown.add(rejected);
            throw rejected;
        }

        public List<RuntimeException> thrown() {
            return thrown;
        }
    }

    /** An executor that fails with something other than a rejection. */
    @ApplicationScoped
    @AsyncExecutor("broken")
    public static class BrokenExecutor implements Executor {
        private final List<RuntimeException> thrown = new CopyOnWriteArrayList<>();

        @Override
        public void execute(Runnable task) {
            IllegalStateException broken = new IllegalStateException("executor misconfigured");
            thrown.add(broken);
            throw broken;
        }

        public List<RuntimeException> thrown() {
            return thrown;
        }
    }

    @ApplicationScoped
    public static class Work {
        private final AtomicInteger bodies = new AtomicInteger();

        @Async(task = "rejected", executor = "full")
        public CompletableFuture<String> rejected() {
            bodies.incrementAndGet();
            return CompletableFuture.completedFuture("ran");
        }

        @Async(task = "broken", executor = "broken")
        public CompletableFuture<String> broken() {
            bodies.incrementAndGet();
            return CompletableFuture.completedFuture("ran");
        }

        @Async(task = "rejectedVoid", executor = "full")
        public void rejectedVoid() {
            bodies.incrementAndGet();
        }

        public int bodies() {
            return bodies.get();
        }
    }

    @ApplicationScoped
    public static class Recorder {
        private final List<String> events = new CopyOnWriteArrayList<>();

        @OnDone(task = "rejected")
        void rejected(AsyncFuture<String> future) {
            record("annotated", future);
        }

        @OnDone(task = "broken")
        void broken(AsyncFuture<String> future) {
            record("annotated", future);
        }

        @OnDone(task = "rejectedVoid")
        void rejectedVoid(AsyncFuture<?> future) {
            record("annotated", future);
        }

        public void record(String kind, AsyncFuture<?> future) {
            String failure = future.handle((value, error) -> error == null ? "none" : error.getClass().getSimpleName())
                    .join();
            events.add(kind + " " + future.taskName() + " failed with " + failure + " on "
                    + Thread.currentThread().getName());
        }

        public List<String> events() {
            return events;
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(RejectingExecutor.class, BrokenExecutor.class, Work.class, Recorder.class);

    @Inject
    Work work;
    @Inject
    Recorder recorder;
    @Inject
    @AsyncExecutor("full")
    RejectingExecutor full;
    @Inject
    @AsyncExecutor("broken")
    BrokenExecutor brokenExecutor;

    private static String me() {
        return Thread.currentThread().getName();
    }

    @Test
    void aRejectedCallFailsWithTheRejectionAndRunsItsCallbacks() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) work.rejected();

        // The executor threw inside the call, so the future is already done, failed, its annotated callback run.
        assertTrue(future.isDone());
        assertTrue(future.isCompletedExceptionally());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertSame(full.thrown().get(0), failure.getCause(), "the executor's own rejection");
        future.addDoneCallback(done -> recorder.record("runtime", done));
        assertEquals(List.of("annotated rejected failed with RejectedExecutionException on " + me(),
                "runtime rejected failed with RejectedExecutionException on " + me()), recorder.events());
        assertEquals(0, work.bodies(), "the body never ran");
    }

    @Test
    void aRejectedVoidCallStillRunsItsCallbacks() {
        work.rejectedVoid();

        assertEquals(List.of("annotated rejectedVoid failed with RejectedExecutionException on " + me()),
                recorder.events());
        assertEquals(0, work.bodies());
    }

    @Test
    void anExecutorThatThrowsSomethingElseFailsTheFutureWithIt() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) work.broken();

        ExecutionException failure = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertSame(brokenExecutor.thrown().get(0), failure.getCause());
        assertEquals(List.of("annotated broken failed with IllegalStateException on " + me()), recorder.events());
        assertEquals(0, work.bodies());
        // The next call is refused the same way: one fault does not wedge the task.
        AsyncFuture<String> again = (AsyncFuture<String>) work.broken();
        assertTrue(again.isCompletedExceptionally());
        assertEquals(2, recorder.events().size());
    }
}
