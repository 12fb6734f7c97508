package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Regression: a worker whose body ended while a cancel(true) was still interrupting it spun with onSpinWait() until the
 * canceller finished, burning its core while the canceller might be waiting for one. It now blocks, as FutureTask's
 * runner yields, until the interrupt has landed, then clears it so that the next task on the thread is not
 * interrupted. The test holds the canceller inside Thread.interrupt() (a thread class of its own whose interrupt waits
 * for the test) and looks at the worker's state meanwhile.
 */
class CancelInterruptBlocksWorkerTest {

    static final CountDownLatch INTERRUPTING = new CountDownLatch(1);
    static final CountDownLatch LET_INTERRUPT = new CountDownLatch(1);
    static final AtomicBoolean ARMED = new AtomicBoolean(true);

    /** A worker thread whose first interrupt waits until the test lets it through. */
    static final class SlowToInterrupt extends Thread {
        SlowToInterrupt(Runnable task) {
            super(task, "slow-to-interrupt");
            setDaemon(true);
        }

        @Override
        public void interrupt() {
            if (ARMED.compareAndSet(true, false)) {
                INTERRUPTING.countDown();
                try {
                    LET_INTERRUPT.await(30, SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.interrupt();
        }
    }

    @ApplicationScoped
    public static class Pools {
        @Produces
        @ApplicationScoped
        @AsyncExecutor("slow")
        ExecutorService slow() {
            return Executors.newSingleThreadExecutor(SlowToInterrupt::new);
        }

        void close(@Disposes @AsyncExecutor("slow") ExecutorService executor) {
            executor.shutdownNow();
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "body", executor = "slow")
        public CompletableFuture<String> body(AtomicReference<Thread> worker, CountDownLatch started,
                CountDownLatch finish) throws InterruptedException {
            worker.set(Thread.currentThread());
            started.countDown();
            finish.await(30, SECONDS); // the interrupt has not landed yet: the canceller is held before it
            return CompletableFuture.completedFuture("finished");
        }

        @Async(task = "next", executor = "slow")
        public CompletableFuture<Boolean> next() {
            return CompletableFuture.completedFuture(Thread.currentThread().isInterrupted());
        }
    }

    @Test
    void theWorkerBlocksUntilTheInterruptHasLandedAndTheNextTaskIsNotInterrupted() throws Exception {
        try (SeContainer container = Containers.boot(Map.of(), Pools.class, Work.class)) {
            Work work = container.select(Work.class).get();
            AtomicReference<Thread> worker = new AtomicReference<>();
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch finish = new CountDownLatch(1);
            AsyncFuture<String> future = (AsyncFuture<String>) work.body(worker, started, finish);
            assertTrue(started.await(30, SECONDS));

            Thread canceller = new Thread(() -> future.cancel(true), "canceller");
            canceller.start();
            assertTrue(INTERRUPTING.await(30, SECONDS), "the canceller is interrupting the worker");
            finish.countDown(); // the body returns while the canceller is still inside interrupt()

            Thread.State state = awaitState(worker.get(), Thread.State.BLOCKED);
            assertEquals(Thread.State.BLOCKED, state, "the worker waits for the canceller without spinning");

            LET_INTERRUPT.countDown();
            canceller.join(SECONDS.toMillis(30));
            assertTrue(future.isCancelled());
            assertEquals(Boolean.FALSE, work.next().get(30, SECONDS),
                    "the interrupt meant for the cancelled body did not reach the next task on the same thread");
        }
    }

    /* Polls the thread's state until it is the one expected, or 30 s passed; returns the last state seen. */
    private static Thread.State awaitState(Thread thread, Thread.State expected) throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS.toNanos(30);
        Thread.State state = thread.getState();
        while (state != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
            state = thread.getState();
        }
        return state;
    }
}
