package dev.cdiasync.it.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import dev.cdiasync.testing.LogCapture;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Proves that a CallbackFailure observer that throws is logged and ignored: the later callbacks still run and the future is unchanged. */
@ExtendWith(WeldJunit5Extension.class)
class ThrowingFailureObserverTest {

    @ApplicationScoped
    public static class Work {
        @Async(task = "observed")
        public CompletableFuture<String> observed(CountDownLatch go) throws InterruptedException {
            go.await(30, SECONDS);
            return CompletableFuture.completedFuture("value");
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        private final List<String> events = new CopyOnWriteArrayList<>();

        @OnDone(task = "observed")
        @Priority(10)
        void throwing(AsyncFuture<String> future) {
            throw new IllegalStateException("callback boom");
        }

        @OnDone(task = "observed")
        @Priority(20)
        void after(AsyncFuture<String> future) {
            events.add("after " + future.join());
        }

        public List<String> events() {
            return events;
        }
    }

    /** An observer of CallbackFailure that is itself broken. */
    @ApplicationScoped
    public static class BrokenObserver {
        private final AtomicInteger calls = new AtomicInteger();
        private final List<RuntimeException> thrown = new CopyOnWriteArrayList<>();

        void on(@Observes CallbackFailure failure) {
            calls.incrementAndGet();
            RuntimeException broken = new IllegalArgumentException("observer boom " + calls.get());
            thrown.add(broken);
            throw broken;
        }

        public List<RuntimeException> thrown() {
            return thrown;
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Work.class, Callbacks.class, BrokenObserver.class);

    @Inject
    Work work;
    @Inject
    Callbacks callbacks;
    @Inject
    BrokenObserver observer;

    private final LogCapture log = LogCapture.start();

    @AfterEach
    void closeLog() {
        log.close();
    }

    @Test
    void aThrowingObserverIsLoggedAndTheCallbacksGoOn() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) work.observed(go);
        CountDownLatch last = new CountDownLatch(1);
        future.addDoneCallback(done -> {
            throw new IllegalStateException("runtime boom");
        });
        future.addDoneCallback(done -> {
            callbacks.events().add("runtime " + done.join());
            last.countDown();
        });
        go.countDown();
        assertTrue(last.await(30, SECONDS), "the last callback ran");

        assertEquals("value", future.get(30, SECONDS));
        assertEquals(List.of("after value", "runtime value"), callbacks.events());
        List<RuntimeException> thrown = observer.thrown();
        assertEquals(2, thrown.size(), "the observer heard both failing callbacks");
        for (RuntimeException broken : thrown) {
            assertTrue(log.warnings().stream().anyMatch(r -> LogCapture.carries(r, broken)),
                    "the observer's failure is logged at WARNING: " + broken);
        }
    }
}
