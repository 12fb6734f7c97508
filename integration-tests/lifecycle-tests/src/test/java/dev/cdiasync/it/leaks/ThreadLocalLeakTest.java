package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import dev.cdiasync.Async;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that, with dev.cdiasync.virtual-threads=true, a ThreadLocal a body sets never reaches the next task: each
 * call runs on a thread of its own. (On a pool of reused platform threads no library can clear a body's
 * ThreadLocals; the README says so.)
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class ThreadLocalLeakTest {

    static final ThreadLocal<String> LEFT_BEHIND = new ThreadLocal<>();

    @ApplicationScoped
    public static class Work {
        @Async("set")
        public CompletableFuture<Long> setAndKeep(String value) {
            LEFT_BEHIND.set(value);
            return CompletableFuture.completedFuture(Thread.currentThread().getId());
        }

        @Async("read")
        public CompletableFuture<String> read() {
            return CompletableFuture.completedFuture(String.valueOf(LEFT_BEHIND.get()));
        }
    }

    @Test
    void theNextTaskDoesNotSeeTheThreadLocalOfTheLast() throws Exception {
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.virtual-threads", "true"), Work.class)) {
            Work work = container.select(Work.class).get();
            long first = work.setAndKeep("secret").get(30, SECONDS);
            for (int i = 0; i < 100; i++) {
                assertEquals("null", work.read().get(30, SECONDS), "task " + i + " saw the ThreadLocal of another");
            }
            assertNotEquals(first, work.setAndKeep("again").get(30, SECONDS), "each call runs on a new thread");
        }
    }
}
