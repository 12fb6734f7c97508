package dev.cdiasync.it.quarkus.executors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.quarkus.support.Journal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * On Quarkus the default executor is the runtime's pool for application work, its
 * {@code @Default ExecutorService}: bodies and the callbacks after them run on its
 * {@code executor-thread-N} threads, not on a pool of the library's.
 */
@QuarkusTest
class DefaultExecutorTest {

    private static final String QUARKUS_POOL_THREAD = "executor-thread-\\d+";

    @Inject
    Placed placed;

    @Inject
    @AsyncExecutor
    ExecutorService asyncDefault;

    @Inject
    ExecutorService quarkusPool;

    @Inject
    Journal journal;

    @BeforeEach
    void clear() {
        journal.reset();
    }

    @Test
    void bodyAndCallbacksRunOnQuarkusPool() throws Exception {
        String body = placed.onDefault().get(30, SECONDS);

        assertTrue(body.matches(QUARKUS_POOL_THREAD), body);
        assertEquals("onDefault callback on " + body, journal.await(1).get(0), "the callback ran on the same thread");
    }

    @Test
    void theDefaultExecutorBeanIsQuarkusPool() throws Exception {
        assertSame(quarkusPool, asyncDefault, "@AsyncExecutor ExecutorService is Quarkus's @Default ExecutorService");
        String thread = asyncDefault.submit(() -> Thread.currentThread().getName()).get(30, SECONDS);
        assertTrue(thread.matches(QUARKUS_POOL_THREAD), thread);
        assertFalse(asyncDefault.isShutdown());
    }
}
