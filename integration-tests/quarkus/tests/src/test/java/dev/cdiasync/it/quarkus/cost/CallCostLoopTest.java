package dev.cdiasync.it.quarkus.cost;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A measured loop, not a benchmark harness: in one run, rounds of N {@code @Async} calls with one
 * {@code @OnDone} callback each against rounds of N {@code CompletableFuture.supplyAsync} on the same
 * Quarkus {@code ExecutorService} with one {@code whenComplete} each. A round lasts from the first
 * call to the last callback. Prints the medians and their ratio and writes them to
 * {@code target/quarkus-call-cost.txt}. Nothing about time is asserted: only that every callback ran.
 */
@QuarkusTest
class CallCostLoopTest {

    private static final int CALLS = 10_000;
    private static final int WARM_UP_ROUNDS = 5;
    private static final int ROUNDS = 7;

    @Inject
    CostWorker worker;

    @Inject
    CostCallback callback;

    @Inject
    ExecutorService quarkusPool;

    @Test
    void asyncCallsAgainstSupplyAsyncOnTheSamePool() throws Exception {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            cdiAsyncRound();
            plainRound();
        }
        long[] cdiAsync = new long[ROUNDS];
        long[] plain = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) { // alternated, so that drift of the machine hits both alike
            cdiAsync[i] = cdiAsyncRound();
            plain[i] = plainRound();
        }
        double cdiAsyncPerCall = median(cdiAsync) / (double) CALLS;
        double plainPerCall = median(plain) / (double) CALLS;
        String report = String.format(Locale.ROOT, "Quarkus %s, JDK %s, %d cores: %d calls per round, median of %d"
                + " rounds%n@Async + @OnDone on Quarkus's pool: %.2f us per call%nsupplyAsync + whenComplete on the same"
                + " pool: %.2f us per call%nratio: %.2f%n", io.quarkus.builder.Version.getVersion(),
                Runtime.version(), Runtime.getRuntime().availableProcessors(), CALLS, ROUNDS, cdiAsyncPerCall / 1000,
                plainPerCall / 1000, cdiAsyncPerCall / plainPerCall);
        System.out.print(report);
        Path file = Path.of("target", "quarkus-call-cost.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    /** One round of @Async calls; the nanoseconds from the first call to the last callback. */
    private long cdiAsyncRound() throws InterruptedException {
        CountDownLatch done = callback.startRound(CALLS);
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            worker.echo(i);
        }
        assertTrue(done.await(60, SECONDS), () -> done.getCount() + " @OnDone callbacks never ran");
        return System.nanoTime() - start;
    }

    /** One round of supplyAsync with whenComplete on the same pool. */
    private long plainRound() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(CALLS);
        long start = System.nanoTime();
        for (int i = 0; i < CALLS; i++) {
            int value = i;
            CompletableFuture.supplyAsync(() -> value, quarkusPool).whenComplete((result, failure) -> done.countDown());
        }
        assertTrue(done.await(60, SECONDS), () -> done.getCount() + " whenComplete actions never ran");
        return System.nanoTime() - start;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
