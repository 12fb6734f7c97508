package dev.cdiasync.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what is logged on the library's java.util.logging logger {@code dev.cdiasync} while it is
 * open; close it (try-with-resources, or after each test) to detach it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** The logger the library reports on. */
    public static final String LOGGER = "dev.cdiasync";

    /** How long {@link #await} waits for a record. */
    public static final long TIMEOUT_SECONDS = 30;

    /* Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its handlers. */
    private final Logger logger;
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        setLevel(Level.ALL);
    }

    /** Starts capturing the records of logger {@code dev.cdiasync}. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture(Logger.getLogger(LOGGER));
        capture.logger.addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
        notifyAll();
    }

    /** The records captured so far. */
    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The records at WARNING or above captured so far. */
    public synchronized List<LogRecord> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).toList();
    }

    /** Waits for a record that matches, and returns it. */
    public synchronized LogRecord await(Predicate<LogRecord> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (;;) {
            for (LogRecord record : records) {
                if (matching.test(record)) {
                    return record;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no matching record logged on " + LOGGER + " within " + TIMEOUT_SECONDS + " s; got "
                        + describe(records));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The records that carry exactly this throwable. */
    public synchronized List<LogRecord> carrying(Throwable thrown) {
        return records.stream().filter(r -> r.getThrown() == thrown).toList();
    }

    /** Whether {@code failure} is the thrown of the record or in its cause or suppressed chain. */
    public static boolean carries(LogRecord record, Throwable failure) {
        return contains(record.getThrown(), failure, 0);
    }

    private static boolean contains(Throwable thrown, Throwable failure, int depth) {
        if (thrown == null || depth > 10) {
            return false;
        }
        if (thrown == failure) {
            return true;
        }
        for (Throwable suppressed : thrown.getSuppressed()) {
            if (contains(suppressed, failure, depth + 1)) {
                return true;
            }
        }
        return contains(thrown.getCause(), failure, depth + 1);
    }

    /** The message of a record, with its parameters filled in. */
    public static String message(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }

    private static String describe(List<LogRecord> records) {
        List<String> lines = new ArrayList<>();
        for (LogRecord record : records) {
            lines.add(record.getLevel() + " " + message(record));
        }
        return lines.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
