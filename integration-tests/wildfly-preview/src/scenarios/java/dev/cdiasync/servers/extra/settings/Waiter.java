package dev.cdiasync.servers.extra.settings;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A call that waits for a file the test creates, and records (into a file that outlives the
 * application) when shutdown began, how the body ended and what its callback saw.
 */
@ApplicationScoped
public class Waiter {

    /** A trivial call: refused, with RejectedExecutionException, once shutdown has begun. */
    @ApplicationScoped
    public static class Probe {
        @Async(task = "settings.probe")
        public CompletableFuture<Void> ping() {
            return CompletableFuture.completedFuture(null);
        }
    }

    @Inject
    Probe probe;

    private volatile Path record;

    public void recordTo(Path file) {
        record = file;
    }

    @Async(task = "settings.wait")
    public CompletableFuture<String> waitFor(String release) {
        boolean shutdownBegan = false;
        try {
            while (!Files.exists(Path.of(release))) {
                if (!shutdownBegan && refused()) {
                    shutdownBegan = true;
                    line("shutdown began");
                }
                Thread.sleep(50);
            }
            line("body released");
            return CompletableFuture.completedFuture("released");
        } catch (InterruptedException e) {
            line("body interrupted, release present=" + Files.exists(Path.of(release)));
            return CompletableFuture.completedFuture("interrupted");
        }
    }

    @OnDone(task = "settings.wait")
    void done(Future<String> future) throws InterruptedException {
        String outcome;
        try {
            outcome = future.isCancelled() ? "cancelled" : "value " + future.get();
        } catch (ExecutionException e) {
            outcome = "failed " + e.getCause();
        }
        line("callback " + outcome);
    }

    private boolean refused() throws InterruptedException {
        try {
            probe.ping().get(60, SECONDS);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RejectedExecutionException;
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            return true; // the container itself refuses calls now
        }
    }

    private void line(String line) {
        try {
            Files.writeString(record, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
