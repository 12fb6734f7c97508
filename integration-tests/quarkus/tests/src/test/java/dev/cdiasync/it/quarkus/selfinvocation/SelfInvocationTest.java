package dev.cdiasync.it.quarkus.selfinvocation;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.it.quarkus.support.Journal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Pins down what ArC does when a bean calls its own @Async method through {@code this}: unlike Weld,
 * which leaves such a call alone (it runs synchronously and no callback hears it), ArC intercepts
 * it, so it is asynchronous and its callbacks run.
 */
@QuarkusTest
class SelfInvocationTest {

    @Inject
    SelfCaller bean;

    @Inject
    Journal journal;

    @BeforeEach
    void clear() {
        journal.reset();
    }

    @Test
    void callThroughThisIsAsynchronousOnQuarkus() throws Exception {
        CompletableFuture<String> future = bean.throughThis();

        AsyncFuture<?> async = assertInstanceOf(AsyncFuture.class, future);
        assertEquals("inner", async.get(Journal.TIMEOUT_SECONDS, SECONDS));
        List<String> entries = journal.await(3);
        assertEquals("caller on " + Thread.currentThread().getName(), entries.get(0));
        assertTrue(entries.get(1).matches("body on executor-thread-\\d+"), entries::toString);
        assertEquals("callback", entries.get(2));
    }
}
