package dev.cdiasync.it.quarkus.seed;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.quarkus.support.Journal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Replays the seed tutorial's examples (threadpool-add-done-callback) on Quarkus, with the
 * {@code @Async} tasks of {@link SeedWorker} on a pool of one thread, like the seed's
 * {@code ThreadPoolExecutor}.
 */
@QuarkusTest
class SeedExamplesTest {

    @Inject
    SeedWorker worker;

    @Inject
    SeedPool pool;

    @Inject
    Journal journal;

    @BeforeEach
    void clearJournal() {
        journal.reset();
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
        // The pool's only thread takes the next task once the call, completion and callbacks included,
        // is over: after this, the future is done and its callbacks have all run.
        pool.flush();

        Thread registering = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AsyncFuture<Void> same = future.addDoneCallback(f -> ranOn.set(Thread.currentThread()));

        assertSame(registering, ranOn.get(), "the callback ran before addDoneCallback returned, on its caller");
        assertSame(future, same, "addDoneCallback returns this");
    }
}
