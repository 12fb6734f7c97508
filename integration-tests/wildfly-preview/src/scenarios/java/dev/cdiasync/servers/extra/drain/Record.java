package dev.cdiasync.servers.extra.drain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;

/** Appends lines to the file the test named: what ran where, read after the application is gone. */
@ApplicationScoped
public class Record {

    private final Object lock = new Object();
    private volatile Path file;

    public void open(Path file) {
        this.file = file;
    }

    public void line(String line) {
        synchronized (lock) {
            try {
                Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The future's identity and outcome, as callbacks record them. */
    public static String describe(Future<?> future) {
        String outcome;
        try {
            outcome = future.isCancelled() ? "cancelled" : "value " + future.get();
        } catch (CancellationException e) {
            outcome = "cancelled";
        } catch (ExecutionException e) {
            outcome = "failed " + e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "interrupted";
        }
        return "future=" + Integer.toHexString(System.identityHashCode(future)) + " " + outcome;
    }
}
