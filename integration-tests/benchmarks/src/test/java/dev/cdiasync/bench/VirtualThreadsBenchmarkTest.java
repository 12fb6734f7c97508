package dev.cdiasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import dev.cdiasync.bench.vthreads.VirtualThreadsBenchmark;

/**
 * Proves the virtual-thread benchmark runs its calls where it says: with
 * {@code executor=virtual} every body on a virtual thread (Java 21+), with {@code default} where the default
 * executor puts them (reused platform threads, on every Java),
 * and that on Java 17 the virtual case stops with a message instead of measuring something else.
 */
class VirtualThreadsBenchmarkTest {

    private static final int TASKS = 50;

    private static VirtualThreadsBenchmark benchmark(String executor) {
        VirtualThreadsBenchmark benchmark = new VirtualThreadsBenchmark();
        benchmark.executor = executor;
        benchmark.tasks = TASKS;
        benchmark.blockMillis = 20;
        return benchmark;
    }

    @Test
    void virtualRunsEveryBodyOnAVirtualThread() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need Java 21+");
        VirtualThreadsBenchmark benchmark = benchmark("virtual");
        benchmark.setUp();
        try {
            assertEquals("ok", benchmark.blockingTasks());
            assertEquals(TASKS, benchmark.bodiesOnVirtualThreads());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void defaultRunsTheBodiesWhereTheDefaultExecutorOfThisJavaRunsThem() throws Exception {
        VirtualThreadsBenchmark benchmark = benchmark("default");
        benchmark.setUp();
        try {
            assertEquals("ok", benchmark.blockingTasks());
            // the default pool's reused platform threads, on every Java
            assertEquals(0, benchmark.bodiesOnVirtualThreads());
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void virtualOnJava17StopsWithAMessage() {
        assumeTrue(Runtime.version().feature() < 21, "only Java 17 to 20 lack virtual threads");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> benchmark("virtual").setUp());
        assertTrue(e.getMessage().contains("-p executor=default"), e.getMessage());
        assertNull(System.getProperty("dev.cdiasync.virtual-threads"), "property left set");
    }
}
