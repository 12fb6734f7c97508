package dev.cdiasync.it.quarkus.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what is logged on the library's java.util.logging logger {@code dev.cdiasync} while it is
 * open. On Quarkus java.util.logging is served by JBoss LogManager; a handler added through the
 * standard API still sees the library's records.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /* Held strongly: java.util.logging keeps loggers only weakly, and a collected logger loses its handlers. */
    private final Logger logger = Logger.getLogger("dev.cdiasync");
    private final List<LogRecord> records = new ArrayList<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.logger.addHandler(capture);
        return capture;
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    /** The records that carry exactly this throwable. */
    public synchronized List<LogRecord> carrying(Throwable thrown) {
        return records.stream().filter(r -> r.getThrown() == thrown).toList();
    }

    /** The message of a record, with its parameters filled in. */
    public static String message(LogRecord record) {
        return new SimpleFormatter().formatMessage(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
