package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * README ("no leak of ... references from call to call", leaks/ReferenceLeakTest: "a done future keeps no reference
 * ... to its call's arguments"). For a call sent to a remote executor, AsyncCall.sendTo copies the arguments into a
 * field that nothing clears: the done future keeps them as long as the application keeps the future.
 */
class RemoteDoneFutureKeepsArgumentsTest {

    static final class Payload implements java.io.Serializable {
        final byte[] bytes = new byte[1 << 20];
    }

    @ApplicationScoped
    public static class Wire {
        final SelfLoopback loopback = new SelfLoopback();

        @Produces
        @AsyncExecutor("remote")
        Executor remote() {
            return loopback;
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "size", executor = "remote")
        public CompletableFuture<Integer> size(Payload payload) {
            return CompletableFuture.completedFuture(payload.bytes.length);
        }
    }

    private static boolean collected(WeakReference<?> reference) throws InterruptedException {
        for (int i = 0; i < 50 && reference.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return reference.get() == null;
    }

    @Test
    void aDoneRemoteFutureKeepsNoArgument() throws Exception {
        try (SeContainer container = Containers.boot(Map.of(), Wire.class, Work.class)) {
            Payload payload = new Payload();
            WeakReference<Payload> payloadRef = new WeakReference<>(payload);
            AsyncFuture<Integer> future = (AsyncFuture<Integer>) container.select(Work.class).get().size(payload);
            payload = null;
            CompletableFuture<Void> callbacksRan = new CompletableFuture<>();
            future.addDoneCallback(f -> callbacksRan.complete(null));
            callbacksRan.get(30, SECONDS);

            assertTrue(collected(payloadRef), "the done remote future still references its call's argument");
            assertEquals(1 << 20, future.get(30, SECONDS)); // the future stays reachable to here
        }
    }
}
