package dev.cdiasync.it.quarkus.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A recorder bean: beans append what happened; a test waits for a number of entries (a latch over
 * the journal) and reads them in order. All {@code @QuarkusTest} classes share one application, so
 * each test starts with {@link #reset()}.
 */
@ApplicationScoped
public class Journal {

    /** How long a test waits for something that a correct library does at once. */
    public static final long TIMEOUT_SECONDS = 30;

    /* Not 'synchronized' methods: the client proxy would copy the modifier and lock the shared proxy. */
    private final Object lock = new Object();
    private final List<String> entries = new ArrayList<>();

    /** Appends an entry. */
    public void record(String entry) {
        synchronized (lock) {
            entries.add(entry);
            lock.notifyAll();
        }
    }

    /** Forgets every entry. */
    public void reset() {
        synchronized (lock) {
            entries.clear();
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
                    throw new AssertionError("expected " + count + " journal entries within " + TIMEOUT_SECONDS
                            + " s, got " + entries);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return List.copyOf(entries);
        }
    }
}
