package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

/**
 * @OnDone or @Async on a method of an interceptor, whose methods are never called as business methods, fails
 * deployment naming the method.
 */
class AnnotationsOnInterceptorMethodTest {

    @InterceptorBinding
    @Retention(RUNTIME)
    @Target({METHOD, TYPE})
    public @interface Audited {
    }

    @Audited
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class AuditInterceptor {
        @AroundInvoke
        Object audit(InvocationContext invocation) throws Exception {
            return invocation.proceed();
        }

        @OnDone(task = "work")
        void finished(Future<String> future) {
        }

        @Async
        public CompletableFuture<String> flush() {
            return CompletableFuture.completedFuture("flushed");
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async(task = "work")
        @Audited
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Test
    void namesEachMethodAndSaysToMoveItToABean() {
        Deployments.Failure failure = deploy(Worker.class, AuditInterceptor.class).isDeploymentProblem();

        assertMentions(failure.problemAbout(method(AuditInterceptor.class, "finished(Future)")), "@OnDone",
                "interceptor", "Move the method to a bean");
        assertMentions(failure.problemAbout(method(AuditInterceptor.class, "flush()")), "@Async", "interceptor",
                "Move the method to a bean");
    }
}
