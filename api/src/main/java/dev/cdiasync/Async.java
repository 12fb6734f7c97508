package dev.cdiasync;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Makes a bean method asynchronous: a call returns at once with an {@link AsyncFuture}, and the
 * method body runs later on an executor that CDI manages.
 *
 * <p>The method must be a business method (not private, not static) and declare one of these
 * return types: {@code void}, {@link java.util.concurrent.Future Future&lt;T&gt;},
 * {@link java.util.concurrent.CompletableFuture CompletableFuture&lt;T&gt;},
 * {@link java.util.concurrent.CompletionStage CompletionStage&lt;T&gt;} or
 * {@link AsyncFuture AsyncFuture&lt;T&gt;}. Whatever the declared type, the object the caller gets is
 * an {@code AsyncFuture}. A wrong declaration fails deployment with a message naming the method.
 *
 * <p>The body's outcome completes the future: the value it returns, the exception it throws, or
 * the outcome of the {@code CompletionStage} it returns (which may still be running). The body's
 * exception never reaches the caller's thread. When the future is done, the
 * {@link OnDone @OnDone} callbacks of the task run on the completing thread, in their declared
 * order, then the callbacks added with {@link AsyncFuture#addDoneCallback}.
 *
 * <p>On a class, every business method of the bean is asynchronous and each is checked as if it
 * were annotated; methods declared by {@code Object} are left alone.
 *
 * <p>The body runs with an active request context: a fresh one for that call alone when the
 * worker thread has none ({@code @ActivateRequestContext} semantics). Other interceptors of the
 * method run on the worker thread, inside the asynchronous call: the asynchronous interceptor is
 * the outermost one.
 *
 * <p>As with every CDI interceptor binding, only calls through a contextual reference are
 * intercepted: a call a bean makes on itself through {@code this} runs synchronously.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
public @interface Async {

    /**
     * The task name that {@link OnDone#task()} refers to. Empty (the default) means
     * {@code SimpleClassName.methodName} of the class declaring the method. Several methods may
     * share a name on purpose: the callbacks of that name then hear all of them. Methods of two
     * different classes whose default names are equal (the same simple class name in two packages)
     * fail deployment: give one of them an explicit name.
     *
     * <p>There is deliberately no {@code value()}: in Spring, {@code @Async("x")} names the
     * executor, so here that line must not compile rather than silently mean something else.
     *
     * @return the task name, or empty for the default one
     */
    @Nonbinding
    String task() default "";

    /**
     * The name of the executor the body runs on: the bean qualified
     * {@link AsyncExecutor @AsyncExecutor} with that value. Empty (the default) selects the
     * default executor. A name no executor bean carries fails deployment.
     *
     * @return the executor name, or empty for the default executor
     */
    @Nonbinding
    String executor() default "";
}
