package dev.cdiasync.it.calls;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Proves semantics 1: an {@code @Async} call returns at once, its body runs on the executor, its exception stays in the future. */
@EnableWeld
class AsyncCallTest {

    @ApplicationScoped
    public static class Worker {

        @Inject
        Journal journal;

        @Async(task = "blocking")
        public CompletableFuture<String> blockUntil(CountDownLatch started, CountDownLatch release)
                throws InterruptedException {
            journal.record("body on " + Thread.currentThread().getName());
            started.countDown();
            if (!release.await(Journal.TIMEOUT_SECONDS, SECONDS)) {
                return CompletableFuture.completedFuture("never released");
            }
            return CompletableFuture.completedFuture("released");
        }

        @Async(task = "throwing")
        public CompletableFuture<String> fail(RuntimeException failure) {
            throw failure;
        }

        @Async(task = "throwingChecked")
        public CompletableFuture<String> failChecked(IOException failure) throws IOException {
            throw failure;
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @Test
    void callReturnsBeforeTheBodyFinishes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<String> future = worker.blockUntil(started, release);

        // The body waits for 'release', which only this thread counts down, after the call returned.
        assertFalse(future.isDone(), "the call returned before its body finished");
        assertTrue(started.await(Journal.TIMEOUT_SECONDS, SECONDS), "the body starts without the caller's help");
        AsyncFuture<?> async = assertInstanceOf(AsyncFuture.class, future);
        assertTrue(async.isRunning(), "the body has started and is not done");
        assertEquals("blocking", async.taskName());

        release.countDown();
        assertEquals("released", future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertFalse(async.isRunning());
    }

    @Test
    void bodyRunsOnADefaultExecutorThread() throws Exception {
        CountDownLatch released = new CountDownLatch(0);
        worker.blockUntil(new CountDownLatch(1), released).get(Journal.TIMEOUT_SECONDS, SECONDS);

        List<String> entries = journal.await(1);
        String thread = entries.get(0).substring("body on ".length());
        assertTrue(thread.startsWith("cdi-async-"), thread);
        assertNotEquals(Thread.currentThread().getName(), thread);
    }

    @Test
    void uncheckedExceptionOfTheBodyFailsTheFutureNotTheCaller() throws Exception {
        IllegalStateException failure = new IllegalStateException("body failed");

        CompletableFuture<String> future = assertDoesNotThrow(() -> worker.fail(failure));

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertSame(failure, thrown.getCause());
        assertTrue(future.isCompletedExceptionally());
        assertFalse(future.isCancelled());
    }

    @Test
    void checkedExceptionOfTheBodyFailsTheFutureNotTheCaller() throws Exception {
        IOException failure = new IOException("disk gone");

        CompletableFuture<String> future = assertDoesNotThrow(() -> worker.failChecked(failure));

        ExecutionException thrown = assertThrows(ExecutionException.class,
                () -> future.get(Journal.TIMEOUT_SECONDS, SECONDS));
        assertSame(failure, thrown.getCause());
    }
}
