package dev.cdiasync.it.interceptors;

import dev.cdiasync.it.support.Journal;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Throws its own exception instead of calling the intercepted method. */
@Sabotaged
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class SabotageInterceptor {

    @Inject
    Journal journal;

    @AroundInvoke
    Object sabotage(InvocationContext invocation) {
        journal.record("sabotage of " + invocation.getMethod().getName());
        throw new IllegalStateException("interceptor failed");
    }
}
