package dev.cdiasync.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.cdiasync.bench.vthreads.VirtualThreadsBenchmark;

/**
 * Proves the JMH annotation processor ran on this JDK: every benchmark is in the generated
 * {@code META-INF/BenchmarkList}, which javac 23+ silently leaves empty when the processor is only
 * on the class path.
 */
class GeneratedBenchmarksTest {

    private static final List<String> CASES = List.of("raw", "weldInterceptorFloor", "cdiAsync", "cdiAsyncCallbacks8",
            "cdiAsyncRuntimeCallback1", "cdiAsyncRuntimeCallbacks8", "weldFireAsync", "springAsync",
            "smallRyeAsynchronous");

    @Test
    void everyBenchmarkIsGenerated() throws IOException {
        String list;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
            assertNotNull(in, "META-INF/BenchmarkList is missing: the JMH annotation processor did not run");
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> expected = new ArrayList<>();
        for (String name : CASES) {
            expected.add(generated(RoundTripBenchmark.class, name));
            expected.add(generated(BatchBenchmark.class, name));
        }
        expected.add(generated(VirtualThreadsBenchmark.class, "blockingTasks"));
        for (String test : expected) {
            assertTrue(list.contains(" " + test + " "), () -> "benchmark not generated: " + test);
        }
    }

    /* The class JMH generates for one benchmark method. */
    private static String generated(Class<?> benchmark, String method) {
        return benchmark.getPackageName() + ".jmh_generated." + benchmark.getSimpleName() + "_" + method + "_jmhTest";
    }
}
