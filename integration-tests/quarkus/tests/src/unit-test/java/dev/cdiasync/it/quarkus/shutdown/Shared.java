package dev.cdiasync.it.quarkus.shutdown;

import java.util.List;

/**
 * A log of text lines that both sides of a {@code QuarkusUnitTest} can reach: the application's
 * beans (and the test methods) run in Quarkus's class loaders, while the listener that checks what
 * happened after the application stopped runs in JUnit's, so each side has its own copy of every
 * class but the JDK's. The lines are kept in a system property, which holds only strings (Quarkus
 * reads system properties as configuration).
 */
final class Shared {

    private Shared() {
    }

    /** Appends a line to the log named {@code key}. */
    static void record(String key, String line) {
        synchronized (System.getProperties()) {
            String before = System.getProperty(key, "");
            System.setProperty(key, before + line + "\n");
        }
    }

    /** The lines of the log named {@code key}, oldest first. */
    static List<String> lines(String key) {
        synchronized (System.getProperties()) {
            String text = System.getProperty(key, "");
            return text.isEmpty() ? List.of() : List.of(text.split("\n"));
        }
    }

    /** Forgets the log named {@code key}. */
    static void clear(String key) {
        System.clearProperty(key);
    }
}
