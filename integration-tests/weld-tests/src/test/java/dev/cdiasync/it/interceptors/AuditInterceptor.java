package dev.cdiasync.it.interceptors;

import dev.cdiasync.it.support.Journal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Records entering and leaving the intercepted method with the thread it runs on. Its priority is
 * that of a platform transaction interceptor, low enough to tempt it outside the async interceptor.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class AuditInterceptor {

    @Inject
    Journal journal;

    @AroundInvoke
    Object audit(InvocationContext invocation) throws Exception {
        String method = invocation.getMethod().getName();
        journal.record("audit enters " + method + " on " + Thread.currentThread().getName());
        try {
            return invocation.proceed();
        } finally {
            journal.record("audit leaves " + method);
        }
    }
}
