package dev.cdiasync.impl;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.concurrent.Executor;

import jakarta.interceptor.InvocationContext;

/**
 * One {@code @Async} method of one bean, with all that a call needs prepared at deployment: the
 * task name, the executor, the task's callbacks and how the body's result completes the future.
 */
final class CallSite {

    final Method method;
    final Class<?> beanClass;
    final String description;
    final String taskName;
    final String executorName;
    final Type resultType;
    final boolean returnsVoid;

    /* Set once, at deployment validation, before any call; then only read. */
    Executor executor;
    TaskCallbacks callbacks;
    InFlight inFlight;
    RequestContexts requestContexts;

    CallSite(Method method, Class<?> beanClass, String taskName, String executorName, Type resultType) {
        this.method = method;
        this.beanClass = beanClass;
        this.description = Names.method(method);
        this.taskName = taskName;
        this.executorName = executorName;
        this.resultType = resultType;
        this.returnsVoid = method.getReturnType() == void.class;
    }

    /** Starts a call: returns its future at once (null for a void method); the body runs later. */
    Object call(InvocationContext invocation) {
        AsyncCall<Object> call = new AsyncCall<>(this, invocation);
        inFlight.submit(call, this);
        return returnsVoid ? null : call;
    }
}
