package dev.cdiasync.servers.app.peer;

import static dev.cdiasync.servers.app.Journal.TIMEOUT_SECONDS;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Jakarta Concurrency's @Asynchronous against cdi-async's @Async, side by side in one run on the same
 * managed executor: rounds of N calls with one completion callback each (whenComplete for the one,
 * one @OnDone for the other), the two kinds alternating, the first round of each a warm-up. Reports
 * the counts and the throughputs; writes the report to the file {@code out} when given. Nothing here
 * judges the times.
 */
@jakarta.ws.rs.Path("peer")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class PeerResource {

    @Inject
    PeerWorker worker;

    @Inject
    PeerCallbacks callbacks;

    @GET
    public String compare(@QueryParam("calls") int calls, @QueryParam("rounds") int rounds,
            @QueryParam("server") String server, @QueryParam("out") String out) throws Exception {
        LongAdder concurrencyCallbacks = new LongAdder();
        long concurrencyCompleted = 0;
        long cdiAsyncCompleted = 0;
        long concurrencyNanos = 0;
        long cdiAsyncNanos = 0;
        long callbacksBefore = callbacks.calls();
        for (int round = 0; round <= rounds; round++) {
            long started = System.nanoTime();
            List<CompletableFuture<Integer>> futures = new ArrayList<>(calls);
            CountDownLatch latch = new CountDownLatch(calls);
            for (int i = 0; i < calls; i++) {
                futures.add(worker.concurrency(i).whenComplete((value, failure) -> {
                    concurrencyCallbacks.increment();
                    latch.countDown();
                }));
            }
            await(latch, "@Asynchronous");
            long concurrency = System.nanoTime() - started;
            long completed = completed(futures);

            started = System.nanoTime();
            futures.clear();
            CountDownLatch onDone = callbacks.startRound(calls);
            for (int i = 0; i < calls; i++) {
                futures.add(worker.cdiAsync(i));
            }
            await(onDone, "@Async");
            long cdiAsync = System.nanoTime() - started;
            long cdiCompleted = completed(futures);

            if (round > 0) { // round 0 warms both up
                concurrencyNanos += concurrency;
                cdiAsyncNanos += cdiAsync;
                concurrencyCompleted += completed;
                cdiAsyncCompleted += cdiCompleted;
            }
        }
        long measured = (long) calls * rounds;
        double concurrencyPerMs = measured / (concurrencyNanos / 1e6);
        double cdiAsyncPerMs = measured / (cdiAsyncNanos / 1e6);
        List<String> report = List.of(
                "server=" + server,
                "calls per round=" + calls + ", measured rounds=" + rounds + " (after one warm-up round each)",
                "@Asynchronous completed=" + concurrencyCompleted + " of " + measured,
                "@Asynchronous whenComplete callbacks=" + (concurrencyCallbacks.sum() - calls),
                "@Async completed=" + cdiAsyncCompleted + " of " + measured,
                "@Async @OnDone callbacks=" + (callbacks.calls() - callbacksBefore - calls),
                String.format(Locale.ROOT, "@Asynchronous calls/ms=%.1f", concurrencyPerMs),
                String.format(Locale.ROOT, "@Async calls/ms=%.1f", cdiAsyncPerMs),
                String.format(Locale.ROOT, "ratio @Async/@Asynchronous=%.2f", cdiAsyncPerMs / concurrencyPerMs));
        if (out != null && !out.isBlank()) {
            write(Path.of(out), report);
        }
        return String.join("\n", report);
    }

    private static void await(CountDownLatch latch, String kind) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, SECONDS)) {
            throw new IllegalStateException(kind + ": " + latch.getCount() + " callbacks missing after "
                    + TIMEOUT_SECONDS + " s");
        }
    }

    /* Every future of the round is done by now: its callback ran after its outcome was set. */
    private static long completed(List<CompletableFuture<Integer>> futures) throws Exception {
        long completed = 0;
        for (int i = 0; i < futures.size(); i++) {
            if (futures.get(i).get(TIMEOUT_SECONDS, SECONDS) == i) {
                completed++;
            }
        }
        return completed;
    }

    private static void write(Path file, List<String> report) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, report);
    }
}
