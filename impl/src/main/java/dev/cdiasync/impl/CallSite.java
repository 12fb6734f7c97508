package dev.cdiasync.impl;

import java.util.concurrent.Executor;

import jakarta.interceptor.InvocationContext;

/**
 * One {@code @Async} method of one bean class, with all that a call needs prepared at startup: the
 * task name, the executor, the task's callbacks and the request contexts.
 */
final class CallSite {

    final Class<?> beanClass;
    final String description;
    final String taskName;
    final boolean returnsVoid;
    final Executor executor;
    final TaskCallbacks callbacks;
    final InFlight inFlight;
    final RequestContexts requestContexts;

    CallSite(Class<?> beanClass, String description, String taskName, boolean returnsVoid, Executor executor,
            TaskCallbacks callbacks, InFlight inFlight, RequestContexts requestContexts) {
        this.beanClass = beanClass;
        this.description = description;
        this.taskName = taskName;
        this.returnsVoid = returnsVoid;
        this.executor = executor;
        this.callbacks = callbacks;
        this.inFlight = inFlight;
        this.requestContexts = requestContexts;
    }

    /** Starts a call: returns its future at once (null for a void method); the body runs later. */
    Object call(InvocationContext invocation) {
        AsyncCall<Object> call = new AsyncCall<>(this, invocation);
        inFlight.submit(call, this);
        return returnsVoid ? null : call;
    }
}
