package dev.cdiasync.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A recorder bean: each deployment gets its own, so tests share no mutable state. Beans append what
 * happened; the test waits for a number of entries (a latch over the journal) and reads them in
 * order.
 */
@ApplicationScoped
public class Journal {

    /** How long a test waits for something that a correct library does at once. */
    public static final long TIMEOUT_SECONDS = 30;

    /* Not 'synchronized' methods: Weld's client proxy would copy the modifier and lock the shared proxy. */
    private final Object lock = new Object();
    private final List<String> entries = new ArrayList<>();

    /** Appends an entry. */
    public void record(String entry) {
        synchronized (lock) {
            entries.add(entry);
            lock.notifyAll();
        }
    }

    /** The entries so far, oldest first. */
    public List<String> entries() {
        synchronized (lock) {
            return List.copyOf(entries);
        }
    }

    /** Waits until the journal holds at least {@code count} entries, then returns them all. */
    public List<String> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (lock) {
            while (entries.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    fail("expected " + count + " journal entries within " + TIMEOUT_SECONDS + " s, got " + entries);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return List.copyOf(entries);
        }
    }
}
