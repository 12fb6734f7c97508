package dev.cdiasync.servers.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the bodies and callbacks of each scenario did, in order, one list per topic (a scenario
 * clears its topic when it starts). A scenario waits for the entries it expects; the timeout only
 * keeps a broken library from hanging the request.
 */
@ApplicationScoped
public class Journal {

    /** How long a scenario waits for something a correct library does at once. */
    public static final long TIMEOUT_SECONDS = 60;

    /* Not 'synchronized' methods: the client proxy would copy the modifier. */
    private final Object lock = new Object();
    private final Map<String, List<String>> topics = new HashMap<>();

    public void clear(String topic) {
        synchronized (lock) {
            topics.remove(topic);
        }
    }

    public void record(String topic, String entry) {
        synchronized (lock) {
            topics.computeIfAbsent(topic, t -> new ArrayList<>()).add(entry);
            lock.notifyAll();
        }
    }

    public List<String> entries(String topic) {
        synchronized (lock) {
            return List.copyOf(topics.getOrDefault(topic, List.of()));
        }
    }

    /** Waits until the topic holds at least {@code count} entries, then returns them all. */
    public List<String> await(String topic, int count) throws InterruptedException {
        return await(topic, entries -> entries.size() >= count, count + " entries");
    }

    /** Waits until the topic's entries satisfy the condition, then returns them all. */
    public List<String> await(String topic, Predicate<List<String>> condition, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        synchronized (lock) {
            for (;;) {
                List<String> entries = List.copyOf(topics.getOrDefault(topic, List.of()));
                if (condition.test(entries)) {
                    return entries;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("expected " + what + " in topic '" + topic + "' within "
                            + TIMEOUT_SECONDS + " s, got " + entries);
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    /** One entry per line: the body of a scenario's answer. */
    public static String lines(List<String> entries) {
        return String.join("\n", entries);
    }
}
