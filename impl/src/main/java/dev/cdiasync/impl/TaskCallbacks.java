package dev.cdiasync.impl;

import dev.cdiasync.AsyncFuture;
import jakarta.enterprise.context.control.RequestContextController;

/**
 * The {@code @OnDone} callbacks of one task, in their call order, and the loop that runs them for
 * one future.
 */
final class TaskCallbacks {

    final String taskName;
    private final AnnotatedCallback[] callbacks;
    private final RequestContexts requestContexts;
    final FailureReporter reporter;

    TaskCallbacks(String taskName, AnnotatedCallback[] callbacks, RequestContexts requestContexts,
            FailureReporter reporter) {
        this.taskName = taskName;
        this.callbacks = callbacks;
        this.requestContexts = requestContexts;
        this.reporter = reporter;
    }

    boolean isEmpty() {
        return callbacks.length == 0;
    }

    /**
     * Runs every callback once, in order, each in a request context of its own where the thread has
     * none (activated by the callback's interceptor, or here when it must exist before the call). The isolation interceptor has already reported and swallowed what a callback body
     * threw; what still escapes (an {@link Error}, or a failure before the body was reached, such as
     * an unresolvable argument) is reported here, and the loop goes on. The first {@code Error} is
     * rethrown at the end, the later ones suppressed in it.
     */
    void run(AsyncFuture<?> future) {
        Error error = null;
        for (AnnotatedCallback callback : callbacks) {
            RequestContextController context = null;
            try {
                if (!callback.activatesItself()) {
                    context = requestContexts.begin();
                }
                callback.call(future);
            } catch (Throwable failure) {
                reporter.report(taskName, callback.description, future, failure);
                if (failure instanceof Error e) {
                    error = FailureReporter.keepFirst(error, e);
                }
            } finally {
                requestContexts.end(context);
            }
        }
        if (error != null) {
            throw error;
        }
    }
}
