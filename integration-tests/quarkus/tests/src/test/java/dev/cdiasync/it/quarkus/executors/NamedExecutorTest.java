package dev.cdiasync.it.quarkus.executors;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.quarkus.support.Journal;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * {@code @Async(executor = "...")} on Quarkus: the body, and its callbacks, run on the named executor
 * bean, whether a producer method ({@code @Produces @AsyncExecutor("io") ExecutorService}) or a bean
 * class declares it.
 */
@QuarkusTest
class NamedExecutorTest {

    @Inject
    Placed placed;

    @Inject
    @AsyncExecutor("spawning")
    SpawningExecutor spawning;

    @Inject
    Journal journal;

    @BeforeEach
    void clear() {
        journal.reset();
    }

    @Test
    void eachCallRunsOnTheExecutorItNamesAndItsCallbacksOnThatThread() throws Exception {
        int spawnedBefore = spawning.executed();
        String io = placed.onIo().get(30, SECONDS);
        String spawned = placed.onSpawned().get(30, SECONDS);

        assertTrue(io.matches("io-[12]"), io);
        assertEquals("spawned-" + (spawnedBefore + 1), spawned);
        assertEquals(spawnedBefore + 1, spawning.executed(), "one call, one task handed to the named executor");
        Set<String> callbacks = new TreeSet<>(journal.await(2));
        assertEquals(new TreeSet<>(List.of("onIo callback on " + io, "onSpawned callback on " + spawned)), callbacks,
                "callbacks run on the thread that completed the future");
    }
}
