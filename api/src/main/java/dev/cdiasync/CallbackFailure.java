package dev.cdiasync;

/**
 * The CDI event fired each time a done-callback throws, after the failure is logged. Observe it
 * to count, alert or retry; it is informational: the future is unchanged and the later callbacks
 * run whatever the observers do. An observer that throws is logged and ignored.
 *
 * @param taskName the task whose future the callback was called for; empty for a future no
 *                 {@code @Async} call made
 * @param callback the callback: {@code com.acme.Reporter#log(AsyncFuture)} for an
 *                 {@link OnDone @OnDone} method, the {@code toString()} of the object passed to
 *                 {@link AsyncFuture#addDoneCallback} otherwise
 * @param future   the future the callback was called for; it is done
 * @param failure  what the callback threw
 */
public record CallbackFailure(String taskName, String callback, AsyncFuture<?> future, Throwable failure) {
}
