package dev.cdiasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cdiasync.bench.cdiasync.AnnotatedEight;
import dev.cdiasync.bench.cdiasync.AnnotatedOne;
import dev.cdiasync.bench.cdiasync.RuntimeEight;
import dev.cdiasync.bench.cdiasync.RuntimeOne;
import dev.cdiasync.bench.event.FireAsyncCase;
import dev.cdiasync.bench.floor.FloorCase;
import dev.cdiasync.bench.smallrye.FtAsynchronousCase;
import dev.cdiasync.bench.spring.SpringAsyncCase;

/**
 * Proves each benchmark case measures what its row claims, outside JMH: an op returns the body's
 * value only after every done-callback ran, each callback runs exactly once per call, and every
 * body runs on that case's own 2-thread pool, one pool task per call.
 */
class CasesTest {

    private static final int ROUND_TRIPS = 3;
    private static final int BATCH = 200;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("raw", (Supplier<Case>) RawCase::new),
                Arguments.of("weldInterceptorFloor", (Supplier<Case>) FloorCase::new),
                Arguments.of("cdiAsync", (Supplier<Case>) AnnotatedOne::new),
                Arguments.of("cdiAsyncCallbacks8", (Supplier<Case>) AnnotatedEight::new),
                Arguments.of("cdiAsyncRuntimeCallback1", (Supplier<Case>) RuntimeOne::new),
                Arguments.of("cdiAsyncRuntimeCallbacks8", (Supplier<Case>) RuntimeEight::new),
                Arguments.of("weldFireAsync", (Supplier<Case>) FireAsyncCase::new),
                Arguments.of("springAsync", (Supplier<Case>) SpringAsyncCase::new),
                Arguments.of("smallRyeAsynchronous", (Supplier<Case>) FtAsynchronousCase::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anOpIsAFullRoundTripOnTheTwoThreadPool(String name, Supplier<Case> factory) {
        Case c = factory.get();
        List<Arrival> arrivals = new ArrayList<>();
        c.setUp();
        try {
            for (int i = 0; i < ROUND_TRIPS; i++) {
                assertEquals(Case.VALUE, c.roundTrip(), "value the callback saw");
                arrivals.add(c.lastArrival());
            }
            assertEquals(Case.VALUE, c.batch(BATCH), "value the last callback of the batch saw");
            arrivals.add(c.lastArrival());
        } finally {
            c.tearDown();
        }
        // After teardown every pool has terminated: no callback can still be on its way.
        for (Arrival arrival : arrivals) {
            assertEquals(arrival.expected(), arrival.arrived(), name + ": callbacks run per op");
        }
        assertTrue(c.pool().isTerminated(), name + ": pool shut down with its container");
        assertEquals(ROUND_TRIPS + BATCH, c.pool().getCompletedTaskCount(), name + ": pool tasks, one per call");
        assertTrue(c.pool().getLargestPoolSize() <= Pools.BENCH_THREADS, name + ": threads used");
    }
}
