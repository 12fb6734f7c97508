package dev.cdiasync.it.regressions;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;

import org.jboss.weld.bean.builtin.BeanManagerProxy;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that a thread which ran callbacks of a container (here the cancelling thread, for a dependent callback
 * bean whose request context the library starts itself) does not keep that container reachable once it is
 * closed: the library leaves nothing of it in the thread's thread-locals.
 *
 * <p>Weld keeps the bean manager of the last container that ran a CDI Lite extension in a static field
 * (BuildServicesImpl.ANN_FACTORY_IMPL_INSTANCE) until the next such container boots; the test boots and closes a
 * second container on its own thread, so that only what the long-lived thread holds can keep the first one alive.
 */
class ClosedContainerNotRetainedTest {

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work(CountDownLatch go) throws InterruptedException {
            go.await(30, SECONDS);
            return CompletableFuture.completedFuture("done");
        }
    }

    @Dependent
    public static class Callback {
        @OnDone(task = "work")
        void seen(AsyncFuture<String> future) {
        }
    }

    /** Boots, cancels a call on this thread (so its callbacks run here), closes; returns the container's manager. */
    private static WeakReference<Object> useAndClose() throws Exception {
        SeContainer container = Containers.boot(Map.of(), Work.class, Callback.class);
        WeakReference<Object> manager = new WeakReference<>(BeanManagerProxy.unwrap(container.getBeanManager()));
        CountDownLatch go = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) container.select(Work.class).get().work(go);
        assertTrue(future.cancel(true));
        go.countDown();
        container.close();
        return manager;
    }

    @Test
    void theCancellingThreadDoesNotRetainTheClosedContainer() throws Exception {
        SynchronousQueue<Object> handOff = new SynchronousQueue<>();
        CountDownLatch checked = new CountDownLatch(1);
        Thread longLived = new Thread(() -> {
            try {
                handOff.put(useAndClose());
                checked.await(); // stays alive, as a request thread or main would, while the test looks
            } catch (Throwable failure) {
                try {
                    handOff.put(failure);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "long-lived");
        longLived.setDaemon(true);
        longLived.start();
        try {
            Object outcome = handOff.poll(60, SECONDS);
            assertNotNull(outcome, "the scenario finished");
            if (outcome instanceof Throwable failure) {
                throw new AssertionError(failure);
            }
            WeakReference<?> manager = (WeakReference<?>) outcome;
            Containers.boot(Map.of(), Work.class).close(); // replaces the first container in Weld's static field
            for (int i = 0; i < 50 && manager.get() != null; i++) {
                System.gc();
                Thread.sleep(100);
            }
            assertTrue(manager.get() == null, "the closed container is still reachable from the long-lived thread");
        } finally {
            checked.countDown();
        }
    }
}
