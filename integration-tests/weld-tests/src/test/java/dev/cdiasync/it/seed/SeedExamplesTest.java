package dev.cdiasync.it.seed;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Replays the seed tutorial's examples (threadpool-add-done-callback) with an {@code @Async} task on
 * a default executor of one thread, like the seed's {@code ThreadPoolExecutor}.
 */
@EnableWeld
class SeedExamplesTest {

    private static final String THREADS = "dev.cdiasync.threads";

    /** The seed's mock tasks. */
    @ApplicationScoped
    public static class Worker {

        @Inject
        Journal journal;

        /** "mock task that will sleep for a moment": the sleep is the scenario, not a synchronisation. */
        @Async(task = "work")
        public Future<Void> work() throws InterruptedException {
            Thread.sleep(200);
            journal.record("The task is done.");
            return CompletableFuture.completedFuture(null);
        }

        @Async(task = "failingWork")
        public Future<Void> failingWork() throws Exception {
            Thread.sleep(200);
            throw new Exception("Something bad");
        }

        @Async(task = "gatedWork")
        public Future<Void> gatedWork(CountDownLatch gate) throws InterruptedException {
            assertTrue(gate.await(Journal.TIMEOUT_SECONDS, SECONDS), "never released");
            journal.record("The task is done.");
            return CompletableFuture.completedFuture(null);
        }

        @Async(task = "marker")
        public Future<String> marker() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @BeforeAll
    static void onePoolThread() {
        System.setProperty(THREADS, "1");
    }

    @AfterAll
    static void defaultPool() {
        System.clearProperty(THREADS);
    }

    @Test
    void callbackRunsAfterTheTaskIsDone() throws Exception {
        Future<Void> returned = worker.work();
        AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, returned);
        future.addDoneCallback(f -> journal.record("The custom callback was called."));

        assertEquals(List.of("The task is done.", "The custom callback was called."), journal.await(2));
        assertTrue(future.isDone());
    }

    @Test
    void callbackOfATaskThatRaisesSeesTheException() throws Exception {
        AsyncFuture<Void> future = (AsyncFuture<Void>) worker.failingWork();
        AtomicReference<Throwable> seen = new AtomicReference<>();
        future.addDoneCallback(f -> {
            try {
                f.get();
            } catch (ExecutionException e) {
                seen.set(e.getCause());
            } catch (InterruptedException e) {
                seen.set(e);
            }
            journal.record("The custom callback was called.");
        });

        assertEquals(List.of("The custom callback was called."), journal.await(1));
        assertInstanceOf(Exception.class, seen.get());
        assertEquals(Exception.class, seen.get().getClass());
        assertEquals("Something bad", seen.get().getMessage());
        assertTrue(future.isCompletedExceptionally());
    }

    @Test
    void severalCallbacksRunInTheOrderAdded() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<Void> future = (AsyncFuture<Void>) worker.gatedWork(gate);
        for (String name : List.of("my_callback", "my_other_callback", "third", "fourth", "fifth")) {
            future.addDoneCallback(f -> journal.record(name));
        }
        assertFalse(future.isDone(), "the task waits for the gate");
        gate.countDown();

        assertEquals(List.of("The task is done.", "my_callback", "my_other_callback", "third", "fourth", "fifth"),
                journal.await(6));
    }

    @Test
    void callbackAddedAfterCompletionRunsAtOnceOnTheRegisteringThread() throws Exception {
        AsyncFuture<Void> future = (AsyncFuture<Void>) worker.work();
        future.get(Journal.TIMEOUT_SECONDS, SECONDS);
        // The only pool thread starts the next task once the first one, completion and callbacks
        // included, is over: after this, the first future is done and its callbacks have all run.
        worker.marker().get(Journal.TIMEOUT_SECONDS, SECONDS);

        Thread registering = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AsyncFuture<Void> same = future.addDoneCallback(f -> ranOn.set(Thread.currentThread()));

        assertSame(registering, ranOn.get(), "the callback ran before addDoneCallback returned, on its caller");
        assertSame(future, same, "addDoneCallback returns this");
    }
}
