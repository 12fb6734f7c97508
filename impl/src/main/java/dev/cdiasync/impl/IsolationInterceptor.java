package dev.cdiasync.impl;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;

/**
 * Isolates an {@code @OnDone} callback: what its body (or an inner interceptor) throws is logged and
 * reported as a {@code CallbackFailure}, and the call returns normally so that the next callbacks
 * run and the future stays as it is. An {@link Error} is not swallowed: it passes through to the
 * dispatch loop, which reports it, runs the remaining callbacks and then rethrows it.
 */
@Isolated
@Interceptor
@Priority(AsyncExtension.ISOLATION_INTERCEPTOR_PRIORITY)
class IsolationInterceptor {

    private final Routes routes;

    @Inject
    IsolationInterceptor(AsyncExtension extension) {
        this.routes = extension.routes();
    }

    @AroundInvoke
    Object isolate(InvocationContext invocation) throws Exception {
        try {
            return invocation.proceed();
        } catch (Exception failure) {
            Method method = invocation.getMethod();
            OnDone onDone = method.getAnnotation(OnDone.class);
            Object[] parameters = invocation.getParameters();
            AsyncFuture<?> future = parameters.length > 0 && parameters[0] instanceof AsyncFuture<?> f ? f : null;
            String task = onDone != null ? onDone.task() : future != null ? future.taskName() : "";
            routes.reporter().report(task, Names.method(method), future, failure);
            return null;
        }
    }
}
