package dev.cdiasync.impl;

import java.util.function.Consumer;

/** The system properties that configure the library, read and checked once per deployment. */
final class Settings {

    static final String THREADS = "dev.cdiasync.threads";
    static final String SHUTDOWN_GRACE_MS = "dev.cdiasync.shutdown-grace-ms";
    static final String VIRTUAL_THREADS = "dev.cdiasync.virtual-threads";

    final int threads;
    final long shutdownGraceMillis;
    /** True or false as set; null where not set, and the Java version chooses (see DefaultExecutor). */
    final Boolean virtualThreads;

    private Settings(int threads, long shutdownGraceMillis, Boolean virtualThreads) {
        this.threads = threads;
        this.shutdownGraceMillis = shutdownGraceMillis;
        this.virtualThreads = virtualThreads;
    }

    /** Like Python's ThreadPoolExecutor: enough threads for I/O-bound work, but not too many. */
    static int defaultThreads() {
        return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    }

    /**
     * Reads the settings; a malformed value is reported to {@code problems} and replaced by its
     * default, so that every other mistake of the deployment is still found.
     */
    static Settings read(Consumer<String> problems) {
        int threads = (int) read(THREADS, defaultThreads(), 1, 32_767, problems);
        long grace = read(SHUTDOWN_GRACE_MS, 10_000, 0, Long.MAX_VALUE, problems);
        Boolean virtual = readVirtualThreads(problems);
        return new Settings(threads, grace, virtual);
    }

    static Settings defaults() {
        return new Settings(defaultThreads(), 10_000, null);
    }

    private static Boolean readVirtualThreads(Consumer<String> problems) {
        String text = System.getProperty(VIRTUAL_THREADS);
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (!text.trim().equalsIgnoreCase("true")) {
            problems.accept("System property " + VIRTUAL_THREADS + "='" + text + "' is neither true nor false; set"
                    + " true to run every call on a virtual thread of its own, false to run calls on platform"
                    + " threads, or remove it to let the Java version choose.");
            return null;
        }
        if (!DefaultExecutor.virtualThreadsAvailable()) {
            problems.accept("System property " + VIRTUAL_THREADS + "=true needs Java 21 or later, and this is Java "
                    + Runtime.version().feature() + "; remove it, or run on a newer Java.");
            return false;
        }
        return true;
    }

    private static long read(String name, long fallback, long min, long max, Consumer<String> problems) {
        String text = System.getProperty(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.accept("System property " + name + "='" + text + "' is not a whole number from " + min
                + " to " + max + "; remove it to use the default (" + fallback + ") or set a valid value.");
        return fallback;
    }
}
