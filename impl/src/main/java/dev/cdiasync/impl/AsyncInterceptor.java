package dev.cdiasync.impl;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.cdiasync.Async;

/**
 * Routes an {@code @Async} call to its prepared {@link CallSite}, which returns the future at once
 * and runs the rest of the interceptor chain and the body on the executor. It is the outermost
 * interceptor, so that the others (transactions, security, metrics) run on the worker thread with
 * the body.
 */
@Async
@Interceptor
@Priority(AsyncExtension.ASYNC_INTERCEPTOR_PRIORITY)
class AsyncInterceptor {

    private final Registry registry;

    @Inject
    AsyncInterceptor(Registry registry) {
        this.registry = registry;
    }

    @AroundInvoke
    Object submit(InvocationContext invocation) throws Exception {
        CallSite site = registry.callSite(invocation);
        // Methods a class-level @Async leaves alone (those declared by Object) run as they are, and so does
        // the body of a call that arrived from another process: it was asynchronous there.
        if (site == null || site.remote != null && Registry.arrived(site)) {
            return invocation.proceed();
        }
        return site.call(invocation);
    }
}
