package dev.cdiasync.impl;

import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The settings of one deployment, read and checked once. They come from MicroProfile Config where
 * the runtime has it (so two applications in one server can differ, and its usual order applies:
 * system properties, then environment variables, then {@code microprofile-config.properties}),
 * else from system properties.
 */
final class Settings {

    static final String THREADS = "dev.cdiasync.threads";
    static final String SHUTDOWN_GRACE_MS = "dev.cdiasync.shutdown-grace-ms";
    static final String VIRTUAL_THREADS = "dev.cdiasync.virtual-threads";

    private static final Logger LOG = Logger.getLogger("dev.cdiasync");

    final int threads;
    /** Whether {@code threads} was set; with virtual threads it is a limit only then. */
    final boolean threadsSet;
    final long shutdownGraceMillis;
    final boolean virtualThreads;
    /** Where the values came from, for messages: "MicroProfile Config property" or "System property". */
    private final String source;

    private Settings(int threads, boolean threadsSet, long shutdownGraceMillis, boolean virtualThreads, String source) {
        this.threads = threads;
        this.threadsSet = threadsSet;
        this.shutdownGraceMillis = shutdownGraceMillis;
        this.virtualThreads = virtualThreads;
        this.source = source;
    }

    /** Like Python's ThreadPoolExecutor: enough threads for I/O-bound work, but not too many. */
    static int defaultThreads() {
        return Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    }

    static Settings defaults() {
        return new Settings(defaultThreads(), false, 10_000, false, "");
    }

    /**
     * Reads the settings of the deployment whose class loader is the thread's context class loader;
     * a malformed value is reported to {@code problems} and replaced by its default, so that every
     * other mistake of the deployment is still found.
     */
    static Settings read(Consumer<String> problems) {
        UnaryOperator<String> config = MicroProfileConfig.of(Thread.currentThread().getContextClassLoader());
        String source = config != null ? "MicroProfile Config property" : "System property";
        if (config == null) {
            config = System::getProperty;
        }
        Reader reader = new Reader(config, source, problems);
        String threadsText = reader.text(THREADS);
        int threads = (int) reader.number(THREADS, threadsText, defaultThreads(), 1, 32_767);
        long grace = reader.number(SHUTDOWN_GRACE_MS, reader.text(SHUTDOWN_GRACE_MS), 10_000, 0, Long.MAX_VALUE);
        boolean virtual = reader.virtualThreads();
        return new Settings(threads, threadsText != null, grace, virtual, source);
    }

    @Override
    public String toString() {
        return source + "s: threads=" + threads + (threadsSet ? "" : " (default)") + ", shutdown-grace-ms="
                + shutdownGraceMillis + ", virtual-threads=" + virtualThreads;
    }

    private record Reader(UnaryOperator<String> config, String source, Consumer<String> problems) {

        /** The value set, trimmed; null where not set or blank. */
        String text(String name) {
            String text = config.apply(name);
            return text == null || text.isBlank() ? null : text.trim();
        }

        long number(String name, String text, long fallback, long min, long max) {
            if (text == null) {
                return fallback;
            }
            try {
                long value = Long.parseLong(text);
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problems.accept(source + " " + name + "='" + text + "' is not a whole number from " + min + " to " + max
                    + "; remove it to use the default (" + fallback + ") or set a valid value.");
            return fallback;
        }

        boolean virtualThreads() {
            String text = text(VIRTUAL_THREADS);
            if (text == null || text.equalsIgnoreCase("false")) {
                return false;
            }
            if (!text.equalsIgnoreCase("true")) {
                problems.accept(source + " " + VIRTUAL_THREADS + "='" + text + "' is neither true nor false; set true"
                        + " to run every call on a virtual thread of its own, or remove it to run calls on a pool of"
                        + " platform threads.");
                return false;
            }
            if (!DefaultExecutor.VirtualThreads.available()) {
                problems.accept(source + " " + VIRTUAL_THREADS + "=true needs Java 21 or later, and this is Java "
                        + Runtime.version().feature() + "; remove it, or run on a newer Java.");
                return false;
            }
            return true;
        }
    }

    /**
     * MicroProfile Config, where the runtime has it. Its classes are touched only after checking that
     * they can be loaded, so that the library runs without it.
     */
    static final class MicroProfileConfig {

        private MicroProfileConfig() {
        }

        /** The deployment's config, or null where MicroProfile Config is absent or has no implementation. */
        static UnaryOperator<String> of(ClassLoader deployment) {
            try {
                Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                        MicroProfileConfig.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError absent) {
                return null;
            }
            try {
                return Present.config(deployment);
            } catch (RuntimeException | LinkageError noImplementation) {
                LOG.log(Level.FINE, "MicroProfile Config API present but unusable; reading system properties",
                        noImplementation);
                return null;
            }
        }

        /** The only class that names MicroProfile Config types; loaded only when they are there. */
        private static final class Present {
            static UnaryOperator<String> config(ClassLoader deployment) {
                org.eclipse.microprofile.config.Config config = deployment != null
                        ? org.eclipse.microprofile.config.ConfigProvider.getConfig(deployment)
                        : org.eclipse.microprofile.config.ConfigProvider.getConfig();
                return name -> config.getOptionalValue(name, String.class).orElse(null);
            }
        }
    }
}
