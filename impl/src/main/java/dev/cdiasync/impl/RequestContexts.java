package dev.cdiasync.impl;

import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.interceptor.InvocationContext;

/**
 * Runs a call's body, and the callbacks dispatched right after it on the worker, in one request
 * context; and a dispatch of callbacks on another thread in one context for the whole loop. The
 * context comes from the container's own {@code @ActivateRequestContext} interceptor, which
 * activates one only where the thread has none and ends it when the method returns: never one per
 * callback, as Weld's asynchronous observer notification does for the observers of one event.
 *
 * <p>The library registers this bean itself; the interceptor is the container's, so a container
 * that makes it cheap (Weld's and ArC's activate the context without a controller object) makes
 * ours cheap too.
 */
@Dependent
@ActivateRequestContext
class RequestContexts {

    /** Runs the body and the dispatch that follows it on this thread, in one request context. */
    void runBody(AsyncCall<?> call, Thread worker, InvocationContext body) {
        call.runInContext(worker, body);
    }

    /** Runs the body of a call that arrived from another process, in a request context of its own. */
    Object runArrived(Callable<Object> body) throws Exception {
        return body.call();
    }

    /** Runs the annotated callbacks of a dispatch on a thread other than the worker, in one request context. */
    void dispatch(AsyncCall<?> call) {
        call.runAnnotatedCallbacks();
    }
}
