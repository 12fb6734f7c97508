package dev.cdiasync;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares a bean method as a done-callback of the futures of one {@link Async @Async} task,
 * like Python's {@code Future.add_done_callback}, but declared once for the whole application.
 *
 * <p>The first parameter receives the future and must be one of
 * {@link java.util.concurrent.Future Future}, {@link java.util.concurrent.CompletableFuture
 * CompletableFuture}, {@link java.util.concurrent.CompletionStage CompletionStage} or
 * {@link AsyncFuture}, with a type argument the task's result type can be assigned to
 * ({@code Future<?>}, raw types and {@code Future<Object>} always fit). Further parameters are
 * injection points, resolved like those of an observer method; {@code @Dependent} ones are
 * destroyed after the call. The method must not be private or static.
 *
 * <p><b>When and where.</b> The callback runs exactly once per future of the task, when the future
 * is done: on success, on failure and on cancellation. It runs on the thread that completed the
 * future (the worker thread for a body that finished, the cancelling thread for
 * {@code cancel}), with an active request context: a fresh one for that call alone where the
 * thread has none.
 *
 * <p><b>Order.</b> The callbacks of one task run one after another in ascending
 * {@link jakarta.annotation.Priority @Priority} of the method; a method without one has
 * {@code Interceptor.Priority.APPLICATION + 500}. Ties are broken by the fully qualified name of
 * the declaring class, then the method name, then the parameter types (and, for one method that
 * several beans inherit, the bean class name). The callbacks added at run
 * time with {@link AsyncFuture#addDoneCallback} run after all of these.
 *
 * <p><b>Failures.</b> A callback that throws is isolated by an interceptor: the exception is
 * logged at {@code WARNING} on logger {@code dev.cdiasync} and reported as a
 * {@link CallbackFailure} event; the next callbacks still run and the future is unchanged. An
 * {@link Error} is reported too and rethrown once the other callbacks have run.
 *
 * <p>Callbacks are inherited by subclass beans like observer methods. A task name that no
 * {@code @Async} method declares fails deployment with the closest known name suggested.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface OnDone {

    /**
     * The name of the task this method is a done-callback of: the {@link Async#task()} of an
     * {@code @Async} method, or its default {@code SimpleClassName.methodName}.
     *
     * @return the task name
     */
    String task();
}
