package dev.cdiasync.it.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures what is logged on the library's java.util.logging logger {@code dev.cdiasync} while it is
 * open; close it (try-with-resources) to detach it.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** The logger the library reports on. */
    public static final String LOGGER = "dev.cdiasync";

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

    /** Waits for a record that matches, and returns it. */
    public synchronized LogRecord await(Predicate<LogRecord> matching) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Journal.TIMEOUT_SECONDS);
        for (;;) {
            for (LogRecord record : records) {
                if (matching.test(record)) {
                    return record;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("no matching record logged on " + LOGGER + " within " + Journal.TIMEOUT_SECONDS + " s; got "
                        + describe(records));
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The records that carry exactly this throwable. */
    public synchronized List<LogRecord> carrying(Throwable thrown) {
        return records.stream().filter(r -> r.getThrown() == thrown).toList();
    }

    /** The message of a record, with its parameters filled in. */
    public static String message(LogRecord record) {
        return new java.util.logging.SimpleFormatter().formatMessage(record);
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
