package dev.cdiasync.it.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** Captures what the library logs on java.util.logging logger {@code dev.cdiasync} while it is open. */
public final class LogCapture extends Handler implements AutoCloseable {

    /* Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its handlers. */
    private final Logger logger = Logger.getLogger("dev.cdiasync");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public LogCapture() {
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    /** The records at WARNING or above captured so far. */
    public List<LogRecord> warnings() {
        return records.stream().filter(r -> r.getLevel().intValue() >= Level.WARNING.intValue())
                .collect(Collectors.toList());
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

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
