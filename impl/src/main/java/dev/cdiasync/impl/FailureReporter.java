package dev.cdiasync.impl;

import java.util.logging.Level;
import java.util.logging.Logger;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import jakarta.enterprise.event.Event;

/**
 * Reports a done-callback that threw: logs it at WARNING on logger {@code dev.cdiasync}, naming the
 * task and the callback, then fires {@link CallbackFailure}. Never throws: what an observer throws,
 * even an {@link Error}, is logged and ignored, so that reporting one failure never costs another
 * callback its call.
 */
final class FailureReporter {

    static final Logger LOG = Logger.getLogger("dev.cdiasync");

    private final Event<CallbackFailure> event;

    FailureReporter(Event<CallbackFailure> event) {
        this.event = event;
    }

    /** The first Error of a loop is the one rethrown, once the loop is done; later ones are suppressed in it. */
    static Error keepFirst(Error first, Error next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    void report(String task, String callback, AsyncFuture<?> future, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Done-callback " + callback + " of task '" + task
                + "' threw " + failure + "; the next callbacks still run and the future is unchanged");
        try {
            event.fire(new CallbackFailure(task, callback, future, failure));
        } catch (Throwable observerFailure) {
            LOG.log(Level.WARNING, "An observer of CallbackFailure threw; ignored", observerFailure);
        }
    }
}
