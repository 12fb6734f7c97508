package dev.cdiasync.example.cluster;

import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.logging.LogManager;

import com.hazelcast.cluster.memberselector.MemberSelectors;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/**
 * Measures, in one run and over loopback, the round trip of a call that does nothing: a remote
 * {@code @Async} call through the cluster executor, a local {@code @Async} call on the default
 * executor, and a bare {@code IExecutorService.submit} of a {@code Callable} to the same members
 * with the same selector. Sequential calls (one in flight), rounds interleaved; it prints
 * percentiles and the ratios of the medians. Nothing is asserted: it is a measurement.
 */
public final class Overhead {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int ROUNDS = 5;
    private static final int CALLS = 1_000;

    /** What the bare submission sends: the least a Callable can be. */
    static final class Echo implements Callable<Integer>, Serializable {
        private static final long serialVersionUID = 1L;
        private final int value;

        Echo(int value) {
            this.value = value;
        }

        @Override
        public Integer call() {
            return value;
        }
    }

    private Overhead() {
    }

    public static void main(String[] args) throws Exception {
        try (InputStream config = Overhead.class.getResourceAsStream("/logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        }
        String cluster = "cdi-async-overhead-" + UUID.randomUUID().toString().substring(0, 8);
        System.setProperty("example.cluster", cluster);
        System.setProperty("example.lite", "true");
        try (Members members = new Members(2, cluster);
                SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            HazelcastInstance hz = container.select(HazelcastInstance.class).get();
            members.awaitJoined(hz, 2);
            Reports reports = container.select(Reports.class).get();
            IExecutorService executor = hz.getExecutorService("reports");

            long[] remote = new long[ROUNDS * CALLS];
            long[] local = new long[ROUNDS * CALLS];
            long[] bare = new long[ROUNDS * CALLS];
            for (int round = -WARM_UP_ROUNDS; round < ROUNDS; round++) {
                int offset = Math.max(round, 0) * CALLS;
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    reports.echo(i).get();
                    remote[offset + i] = System.nanoTime() - start;
                }
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    reports.echoLocal(i).get();
                    local[offset + i] = System.nanoTime() - start;
                }
                for (int i = 0; i < CALLS; i++) {
                    long start = System.nanoTime();
                    Future<Integer> future = executor.submit(new Echo(i), MemberSelectors.DATA_MEMBER_SELECTOR);
                    future.get();
                    bare[offset + i] = System.nanoTime() - start;
                }
            }
            System.out.printf("%d sequential calls each (after %d warm-up rounds), 2 member JVMs + this lite member,"
                    + " %d cores, %s%n", ROUNDS * CALLS, WARM_UP_ROUNDS, Runtime.getRuntime().availableProcessors(),
                    Runtime.version());
            System.out.printf("%-52s %10s %10s %10s %10s%n", "round trip of a body that does nothing", "median",
                    "p90", "p99", "mean");
            print("local @Async call (default executor)", local);
            print("bare IExecutorService.submit(Callable, selector)", bare);
            print("remote @Async call (ClusterExecutor)", remote);
            System.out.printf("remote @Async / bare submit: %.2f (median), %.2f (mean)%n",
                    median(remote) / median(bare), mean(remote) / mean(bare));
            System.out.printf("remote @Async / local @Async: %.1f (median), %.1f (mean)%n",
                    median(remote) / median(local), mean(remote) / mean(local));
        }
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-52s %8.1f µs %7.1f µs %7.1f µs %7.1f µs%n", what, sorted[sorted.length / 2] / 1e3,
                sorted[(int) (sorted.length * 0.9)] / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3,
                mean(nanos) / 1e3);
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double mean(long[] nanos) {
        return Arrays.stream(nanos).average().orElse(0);
    }
}
