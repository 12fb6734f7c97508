package dev.cdiasync;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Qualifies the executor beans that {@link Async @Async} bodies run on.
 *
 * <p>{@code @Inject @AsyncExecutor ExecutorService} is the default executor. Unless the
 * application declares a bean of its own with this qualifier and an empty value, the library
 * provides one: a pool of {@code dev.cdiasync.threads} threads (default
 * {@code min(32, cores + 4)}) named {@code cdi-async-N}, or, with
 * {@code dev.cdiasync.virtual-threads=true} on Java 21 and later, a new virtual thread per call. At
 * container shutdown that executor is drained (see the README) and shut down; an executor the
 * application provides is never shut down by the library.
 *
 * <p>A named executor, {@code @AsyncExecutor("io")}, is any bean of type
 * {@link java.util.concurrent.Executor Executor} the application declares with that qualifier;
 * {@code @Async(executor = "io")} selects it. A name no bean carries fails deployment.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface AsyncExecutor {

    /**
     * The executor's name; empty for the default executor.
     *
     * @return the name
     */
    String value() default "";

    /** An instance of the qualifier, for programmatic lookup and synthetic beans. */
    final class Literal extends AnnotationLiteral<AsyncExecutor> implements AsyncExecutor {

        private static final long serialVersionUID = 1L;

        /** The qualifier of the default executor. */
        public static final Literal DEFAULT = new Literal("");

        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * The qualifier with the given name.
         *
         * @param value the executor name; empty for the default executor
         * @return the qualifier instance
         */
        public static Literal of(String value) {
            return value.isEmpty() ? DEFAULT : new Literal(value);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
