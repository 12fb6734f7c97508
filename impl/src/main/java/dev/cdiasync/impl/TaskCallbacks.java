package dev.cdiasync.impl;

import dev.cdiasync.AsyncFuture;

/**
 * The {@code @OnDone} callbacks of one task, in their call order, and the loop that runs them for
 * one future. The loop isolates each callback, as Weld's asynchronous observer notification
 * isolates each observer: what a callback (or one of its interceptors) throws is reported, and the
 * next callback runs. No interception of the callback is needed for that, so a callback on a bean
 * without interceptors of its own is one invoker call.
 */
final class TaskCallbacks {

    final String taskName;
    private final AnnotatedCallback[] callbacks;
    final FailureReporter reporter;

    TaskCallbacks(String taskName, AnnotatedCallback[] callbacks, FailureReporter reporter) {
        this.taskName = taskName;
        this.callbacks = callbacks;
        this.reporter = reporter;
    }

    boolean isEmpty() {
        return callbacks.length == 0;
    }

    /**
     * Runs every callback once, in order, on this thread. What one throws is logged and fired as a
     * {@code CallbackFailure}, once, and the loop goes on; the first {@link Error} is rethrown at
     * the end, the later ones suppressed in it. The caller provides the request context.
     */
    void run(AsyncFuture<?> future) {
        Error error = null;
        for (AnnotatedCallback callback : callbacks) {
            try {
                callback.call(future);
            } catch (Throwable failure) {
                reporter.report(taskName, callback.description, future, failure);
                if (failure instanceof Error e) {
                    error = FailureReporter.keepFirst(error, e);
                }
            }
        }
        if (error != null) {
            throw error;
        }
    }
}
