package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteCall;
import dev.cdiasync.spi.RemoteExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * DESIGN 3 and 7: cancel(b) "completes the future as cancelled at once and runs the callbacks on the cancelling
 * thread". AsyncFuture.cancel runs interruptTask() before dispatch(), outside any try: when interrupting the body
 * throws (a remote executor's interrupter whose member has left; Thread.interrupt() refused by a security manager or a
 * Thread subclass), cancel(true) throws to the application, the future is cancelled, and no callback runs; the call
 * stays in flight until the shutdown drain.
 */
class ThrowingInterrupterTest {

    static final List<String> CALLBACKS = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch REMOTE_STARTED;
    static volatile CountDownLatch LOCAL_STARTED;
    static volatile CountDownLatch RELEASE;

    @org.junit.jupiter.api.BeforeEach
    void freshLatches() {
        REMOTE_STARTED = new CountDownLatch(1);
        LOCAL_STARTED = new CountDownLatch(1);
        RELEASE = new CountDownLatch(1);
    }

    /** A remote executor whose interrupter fails, as a cluster's cancel does when the member running the body left. */
    static final class Unreachable implements RemoteExecutor {
        final ExecutorService wire = Executors.newCachedThreadPool();
        volatile LocalBodies bodies;

        @Override
        public void submit(RemoteCall call) {
            LocalBodies served = bodies;
            String method = call.method();
            Object[] arguments = call.arguments();
            wire.execute(() -> {
                try {
                    call.succeed(served.run(method, arguments));
                } catch (Throwable failure) {
                    call.fail(failure);
                }
            });
            call.onInterrupt(() -> {
                throw new IllegalStateException("member left");
            });
        }

        @Override
        public void serve(LocalBodies bodies) {
            this.bodies = bodies;
        }
    }

    /** A worker thread whose interrupt() is refused, as Thread.checkAccess() does under a security manager. */
    static final class GuardedThread extends Thread {
        GuardedThread(Runnable task) {
            super(task, "guarded");
            setDaemon(true);
        }

        @Override
        public void interrupt() {
            throw new SecurityException("interrupt refused");
        }
    }

    @ApplicationScoped
    public static class Pools {
        final Unreachable remote = new Unreachable();
        final ExecutorService guarded = Executors.newCachedThreadPool(GuardedThread::new);

        @Produces
        @AsyncExecutor("remote")
        Executor remote() {
            return remote;
        }

        @Produces
        @AsyncExecutor("guarded")
        Executor guarded() {
            return guarded;
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "remote", executor = "remote")
        public CompletableFuture<String> remote() throws InterruptedException {
            REMOTE_STARTED.countDown();
            RELEASE.await(30, SECONDS);
            return CompletableFuture.completedFuture("late");
        }

        @Async(task = "local", executor = "guarded")
        public CompletableFuture<String> local() throws InterruptedException {
            LOCAL_STARTED.countDown();
            RELEASE.await(30, SECONDS);
            return CompletableFuture.completedFuture("late");
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        @OnDone(task = "remote")
        void remote(Future<String> future) {
            CALLBACKS.add("remote on " + Thread.currentThread().getName());
        }

        @OnDone(task = "local")
        void local(Future<String> future) {
            CALLBACKS.add("local on " + Thread.currentThread().getName());
        }
    }

    private static String cancel(AsyncFuture<?> future) {
        try {
            return "cancel(true) returned " + future.cancel(true);
        } catch (RuntimeException e) {
            return "cancel(true) threw " + e;
        }
    }

    @Test
    void cancellingARemoteCallRunsItsCallbacksEvenIfTheInterrupterFails() throws Exception {
        CALLBACKS.clear();
        try (SeContainer container = Containers.boot(Map.of(), Pools.class, Work.class, Callbacks.class)) {
            AsyncFuture<?> future = (AsyncFuture<?>) container.select(Work.class).get().remote();
            assertTrue(REMOTE_STARTED.await(30, SECONDS));

            String outcome = cancel(future);
            List<String> seen = List.copyOf(CALLBACKS);
            RELEASE.countDown();

            assertTrue(future.isCancelled());
            assertEquals("cancel(true) returned true; callbacks [remote on main]", outcome + "; callbacks " + seen);
        }
    }

    @Test
    void cancellingALocalCallRunsItsCallbacksEvenIfInterruptIsRefused() throws Exception {
        CALLBACKS.clear();
        try (SeContainer container = Containers.boot(Map.of(), Pools.class, Work.class, Callbacks.class)) {
            AsyncFuture<?> future = (AsyncFuture<?>) container.select(Work.class).get().local();
            assertTrue(LOCAL_STARTED.await(30, SECONDS));

            String outcome = cancel(future);
            List<String> seen = List.copyOf(CALLBACKS);
            RELEASE.countDown();

            assertTrue(future.isCancelled());
            assertEquals("cancel(true) returned true; callbacks [local on main]", outcome + "; callbacks " + seen);
        }
    }
}
