package dev.cdiasync.impl;

import java.lang.reflect.Method;
import java.util.Map;

import jakarta.interceptor.InvocationContext;

/**
 * Where intercepted invocations go: the prepared call site of each {@code @Async} method, and the
 * reporter of failed callbacks. Published once, at deployment validation, before any call.
 */
final class Routes {

    private volatile Map<Method, CallSite[]> sites;
    private volatile FailureReporter reporter;

    void publish(Map<Method, CallSite[]> sites, FailureReporter reporter) {
        this.reporter = reporter;
        this.sites = sites;
    }

    /** The call site of an intercepted {@code @Async} invocation; null for a method left alone. */
    CallSite callSite(InvocationContext invocation) {
        Map<Method, CallSite[]> prepared = sites;
        if (prepared == null) {
            throw new IllegalStateException("@Async method " + Names.method(invocation.getMethod())
                    + " called before the container finished deployment validation");
        }
        CallSite[] candidates = prepared.get(invocation.getMethod());
        if (candidates == null) {
            return null;
        }
        if (candidates.length > 1) {
            // A method several bean classes inherit: the most specific class comes first.
            Object target = invocation.getTarget();
            for (CallSite candidate : candidates) {
                if (candidate.beanClass.isInstance(target)) {
                    return candidate;
                }
            }
        }
        return candidates[0];
    }

    FailureReporter reporter() {
        return reporter;
    }
}
