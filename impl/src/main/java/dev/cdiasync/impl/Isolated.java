package dev.cdiasync.impl;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;

/**
 * The interceptor binding the extension adds to every {@code @OnDone} method, so that
 * {@link IsolationInterceptor} guards it. Applications never write it.
 */
@InterceptorBinding
@Retention(RUNTIME)
@Target({METHOD, TYPE})
@interface Isolated {

    /** The instance the extension adds. */
    final class Literal extends AnnotationLiteral<Isolated> implements Isolated {
        private static final long serialVersionUID = 1L;
        static final Literal INSTANCE = new Literal();
    }
}
