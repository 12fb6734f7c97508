package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cdiasync.Async;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves what the default executor's threads are, and what the library puts back on them after a call: a pool of
 * reused daemon platform threads named cdi-async-N by default, a new virtual thread per call with
 * dev.cdiasync.virtual-threads=true; in both, every call runs with the deployment's context class loader, whatever
 * the last call on that thread or the calling thread set.
 */
class ThreadStateTest {

    static final ClassLoader FOREIGN_LOADER = new ClassLoader(null) {
    };

    /** What a body saw of its thread. */
    record Seen(Thread thread, String name, boolean daemon, ClassLoader loader) {
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "dirty")
        public CompletableFuture<Thread> changeTheLoader() {
            Thread.currentThread().setContextClassLoader(FOREIGN_LOADER);
            return CompletableFuture.completedFuture(Thread.currentThread());
        }

        @Async(task = "look")
        public CompletableFuture<Seen> look() {
            Thread thread = Thread.currentThread();
            return CompletableFuture.completedFuture(
                    new Seen(thread, thread.getName(), thread.isDaemon(), thread.getContextClassLoader()));
        }
    }

    @ParameterizedTest(name = "virtual-threads={0}")
    @ValueSource(strings = {"", "true"})
    void everyCallRunsWithTheDeploymentsClassLoader(String virtualThreads) throws Exception {
        boolean virtual = virtualThreads.equals("true");
        assumeTrue(!virtual || Runtime.version().feature() >= 21, "virtual threads need Java 21+");
        Map<String, String> settings = new HashMap<>(Map.of("dev.cdiasync.threads", "1"));
        if (virtual) {
            settings.put("dev.cdiasync.virtual-threads", "true");
        }
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        try (SeContainer container = Containers.boot(settings, Work.class)) {
            Work work = container.select(Work.class).get();
            ClassLoader deployment = work.look().get(30, SECONDS).loader();
            assertSame(callers, deployment, "the class loader of the deployment, which booted on this thread");
            for (int round = 0; round < 20; round++) {
                Thread dirty = work.changeTheLoader().get(30, SECONDS);
                Thread.currentThread().setContextClassLoader(FOREIGN_LOADER); // a caller's loader is not inherited
                Seen next;
                try {
                    next = work.look().get(30, SECONDS);
                } finally {
                    Thread.currentThread().setContextClassLoader(callers);
                }
                if (virtual) {
                    assertNotEquals(dirty, next.thread(), "a new virtual thread per call");
                } else {
                    assertSame(dirty, next.thread(), "a plain pool: its one thread runs the next call too");
                }
                assertTrue(next.name().startsWith("cdi-async-"), next.name());
                assertTrue(next.daemon(), "daemon threads: a program that forgets close() still exits");
                assertSame(deployment, next.loader(), "round " + round + ": the deployment's class loader");
            }
        }
    }
}
