package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.SingleThread;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Proves that a done future keeps no reference to the callbacks added to it, nor to its call's arguments. */
@ExtendWith(WeldJunit5Extension.class)
class ReferenceLeakTest {

    /** A call argument, large enough to matter if a done future kept it. */
    static final class Payload {
        final byte[] bytes = new byte[1 << 20];
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "gated", executor = "single")
        public CompletableFuture<String> gated(CountDownLatch go, Payload payload) throws InterruptedException {
            go.await(30, SECONDS);
            return CompletableFuture.completedFuture("size " + payload.bytes.length);
        }
    }

    /** A runtime callback object of its own (a non-capturing lambda could be a shared constant). */
    static final class Callback implements Consumer<AsyncFuture<String>> {
        final CountDownLatch ran = new CountDownLatch(1);

        @Override
        public void accept(AsyncFuture<String> future) {
            ran.countDown();
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(SingleThread.class, Work.class);

    @Inject
    Work work;
    @Inject
    SingleThread single;

    /** Whether the referent becomes collectable: a bounded number of GC requests, not a timing. */
    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get() == null;
    }

    @Test
    void aCompletedFutureHoldsNoReferenceToItsCallbacksOrArguments() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Payload payload = new Payload();
        WeakReference<Payload> payloadRef = new WeakReference<>(payload);
        AsyncFuture<String> future = (AsyncFuture<String>) work.gated(go, payload);
        payload = null;
        Callback before = new Callback();
        future.addDoneCallback(before);
        WeakReference<Callback> beforeRef = new WeakReference<>(before);
        CountDownLatch beforeRan = before.ran;
        before = null;

        go.countDown();
        assertTrue(beforeRan.await(30, SECONDS), "the callback ran");
        Callback after = new Callback();
        future.addDoneCallback(after); // runs here, or on the worker if it is still dispatching
        WeakReference<Callback> afterRef = new WeakReference<>(after);
        assertTrue(after.ran.await(30, SECONDS), "the callback added after completion ran");
        after = null;
        single.flush();

        assertTrue(collected(beforeRef), "a callback added before completion is still referenced");
        assertTrue(collected(afterRef), "a callback added after completion is still referenced");
        assertTrue(collected(payloadRef), "the call's argument is still referenced");
        assertEquals("size " + (1 << 20), future.get(30, SECONDS)); // the future itself stays reachable to here
    }

    @Test
    void aFutureCancelledBeforeItsBodyStartedHoldsNoReferenceToItsArguments() throws Exception {
        CountDownLatch blocking = new CountDownLatch(1);
        AsyncFuture<String> blocker = (AsyncFuture<String>) work.gated(blocking, new Payload());
        Payload payload = new Payload();
        WeakReference<Payload> payloadRef = new WeakReference<>(payload);
        AsyncFuture<String> queued = (AsyncFuture<String>) work.gated(new CountDownLatch(0), payload);
        payload = null;
        Callback callback = new Callback();
        queued.addDoneCallback(callback);
        WeakReference<Callback> callbackRef = new WeakReference<>(callback);
        callback = null;

        assertTrue(queued.cancel(true));
        blocking.countDown();
        blocker.get(30, SECONDS);
        single.flush(); // the executor has handed the cancelled call to its thread and dropped it

        assertTrue(collected(callbackRef), "the callback of the cancelled future is still referenced");
        assertTrue(collected(payloadRef), "the cancelled future still references its call's argument");
        assertTrue(queued.isCancelled());
    }
}
