package dev.cdiasync.it.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Proves that a callback an {@code @OnDone} method adds while the future dispatches runs after every
 * other callback, on the same thread, even one added at run time before it.
 */
@EnableWeld
class AddedByAnnotatedCallbackTest {

    @ApplicationScoped
    public static class Worker {

        @Async(task = "job")
        public CompletableFuture<String> job(CountDownLatch gate) throws InterruptedException {
            gate.await(Journal.TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return CompletableFuture.completedFuture("ok");
        }
    }

    @ApplicationScoped
    public static class Adder {

        @Inject
        Journal journal;

        @OnDone(task = "job")
        @Priority(1)
        void adds(AsyncFuture<String> future) {
            String thread = Thread.currentThread().getName();
            journal.record("adds");
            future.addDoneCallback(f -> journal.record("added " + (thread.equals(Thread.currentThread().getName())
                    ? "on the same thread" : "on " + Thread.currentThread().getName() + ", not " + thread)));
        }

        @OnDone(task = "job")
        @Priority(2)
        void next(AsyncFuture<String> future) {
            journal.record("next annotated");
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, Adder.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @Test
    void callbackAddedByAnAnnotatedCallbackRunsAfterTheOthers() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job(gate);
        future.addDoneCallback(f -> journal.record("runtime"));
        gate.countDown();

        assertEquals(List.of("adds", "next annotated", "runtime", "added on the same thread"), journal.await(4));
    }
}
