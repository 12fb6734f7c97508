package dev.cdiasync.impl;

import java.util.concurrent.Executor;

import dev.cdiasync.spi.RemoteExecutor;
import jakarta.enterprise.invoke.Invoker;
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
    /* The executor when it runs bodies in another process; null for a local one. */
    final RemoteExecutor remote;
    /* Where callbacks go when the outcome arrives on a thread nobody chose: the executor, or the default one for a remote executor. */
    final Executor dispatchExecutor;
    /* Calls the method on its bean, with its interceptors: a call that arrives from another process runs it so. */
    final Invoker<Object, ?> invoker;
    /* The bean to call it on then. */
    final BeanTarget target;
    /*
     * The key a call sent to another process names the method by: the bean class and the method,
     * com.acme.Reports#build(java.lang.String), so that a method several bean classes inherit runs on
     * the bean the call was made on.
     */
    final String remoteKey;
    final TaskCallbacks callbacks;
    final InFlight inFlight;
    final RequestContexts requestContexts;

    CallSite(Class<?> beanClass, String key, String description, String taskName, boolean returnsVoid,
            Executor executor, Executor dispatchExecutor, Invoker<Object, ?> invoker, BeanTarget target,
            TaskCallbacks callbacks, InFlight inFlight, RequestContexts requestContexts) {
        this.beanClass = beanClass;
        this.description = description;
        this.taskName = taskName;
        this.returnsVoid = returnsVoid;
        this.executor = executor;
        this.remote = executor instanceof RemoteExecutor r ? r : null;
        this.dispatchExecutor = dispatchExecutor;
        this.invoker = invoker;
        this.target = target;
        this.remoteKey = beanClass.getName() + key.substring(key.indexOf('#'));
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
