package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that nothing a body or its callback leaves on its thread (a ThreadLocal, an InheritableThreadLocal, another
 * context class loader, name, priority or uncaught-exception handler) reaches the next call, whichever threads the default executor runs the calls on: on Java 17
 * to 22 by default a pool of reused platform threads (here one thread, so the next call surely runs on the same one),
 * on later Java a new virtual thread per call, and the two settings of dev.cdiasync.virtual-threads.
 */
class ThreadLocalLeakTest {

    static final ThreadLocal<String> LEFT_BY_BODY = new ThreadLocal<>();
    static final InheritableThreadLocal<String> INHERITABLE = new InheritableThreadLocal<>();
    static final ThreadLocal<String> LEFT_BY_CALLBACK = new ThreadLocal<>();
    static final ClassLoader FOREIGN_LOADER = new ClassLoader(null) {
    };

    static final Thread.UncaughtExceptionHandler FOREIGN_HANDLER = (thread, failure) -> { };

    /** What a body saw of its thread. */
    record Seen(Thread thread, String body, String inheritable, String callback, ClassLoader loader, String name,
            int priority, boolean ownHandler) {
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "dirty")
        public CompletableFuture<Thread> leaveThingsBehind() {
            LEFT_BY_BODY.set("body's secret");
            INHERITABLE.set("inheritable secret");
            Thread thread = Thread.currentThread();
            thread.setContextClassLoader(FOREIGN_LOADER);
            thread.setPriority(Thread.MIN_PRIORITY);
            thread.setName("renamed by a body");
            thread.setUncaughtExceptionHandler(FOREIGN_HANDLER);
            return CompletableFuture.completedFuture(thread);
        }

        /* Runs on the body's thread: the future completes there. */
        @OnDone(task = "dirty")
        void alsoDirty(AsyncFuture<Thread> future) {
            LEFT_BY_CALLBACK.set("callback's secret");
        }

        @Async(task = "look")
        public CompletableFuture<Seen> look() {
            Thread thread = Thread.currentThread();
            return CompletableFuture.completedFuture(new Seen(thread, LEFT_BY_BODY.get(), INHERITABLE.get(),
                    LEFT_BY_CALLBACK.get(), thread.getContextClassLoader(), thread.getName(), thread.getPriority(),
                    thread.getUncaughtExceptionHandler() == FOREIGN_HANDLER));
        }
    }

    @ParameterizedTest(name = "virtual-threads={0}")
    @ValueSource(strings = {"", "false", "true"})
    void theNextCallSeesNothingTheLastOneLeftOnItsThread(String virtualThreads) throws Exception {
        assumeTrue(!virtualThreads.equals("true") || Runtime.version().feature() >= 21, "virtual threads: Java 21+");
        Map<String, String> settings = new HashMap<>(Map.of("dev.cdiasync.threads", "1"));
        if (!virtualThreads.isEmpty()) {
            settings.put("dev.cdiasync.virtual-threads", virtualThreads);
        }
        boolean reused = !virtualThreads.equals("true") && Containers.defaultExecutorReusesThreads();
        INHERITABLE.set("the caller's, not inherited either");
        try (SeContainer container = Containers.boot(settings, Work.class)) {
            Work work = container.select(Work.class).get();
            ClassLoader deploymentLoader = work.look().get(30, SECONDS).loader();
            for (int round = 0; round < 20; round++) {
                Thread dirty = work.leaveThingsBehind().get(30, SECONDS);
                Seen next = work.look().get(30, SECONDS);
                if (reused) {
                    assertSame(dirty, next.thread(), "the pool has one thread: the next call runs on the same one");
                } else {
                    assertNotEquals(dirty, next.thread(), "each call runs on a thread of its own");
                }
                assertNull(next.body(), "round " + round + ": a ThreadLocal the body set reached the next call");
                assertNull(next.inheritable(), "round " + round + ": an InheritableThreadLocal reached the next call");
                assertNull(next.callback(), "round " + round + ": a ThreadLocal a callback set reached the next call");
                assertNotSame(FOREIGN_LOADER, next.loader(), "round " + round + ": the context class loader leaked");
                assertEquals(deploymentLoader, next.loader(), "the deployment's class loader, every time");
                assertTrue(next.name().matches("cdi-async-\\d+"), "round " + round + ": the name leaked: " + next.name());
                assertEquals(Thread.NORM_PRIORITY, next.priority(), "round " + round + ": the priority leaked");
                assertFalse(next.ownHandler(), "round " + round + ": the uncaught-exception handler leaked");
            }
        } finally {
            INHERITABLE.remove();
        }
    }
}
