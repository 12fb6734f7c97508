package dev.cdiasync.impl;

import java.util.Comparator;
import java.util.function.Supplier;

import dev.cdiasync.AsyncFuture;
import jakarta.enterprise.invoke.Invoker;

/**
 * One {@code @OnDone} method of one bean, called through its CDI 4.1 method invoker, so that the
 * bean's interceptors apply. Isolation is not the callback's business: the dispatch loop
 * ({@link TaskCallbacks}) catches what the call throws.
 *
 * <p>A bean of a normal scope (or a singleton) is called on its contextual reference, resolved on
 * the first call and kept: for a request-scoped bean that reference reaches the instance of the
 * request context active at each call. A {@code @Dependent} bean is looked up by the invoker for
 * each call and destroyed after it, as are {@code @Dependent} objects injected into further
 * parameters (the invoker's argument lookup).
 */
final class AnnotatedCallback {

    /** The order of callbacks: priority, then class name, method name, parameter types, then bean class. */
    static final Comparator<AnnotatedCallback> ORDER = Comparator.<AnnotatedCallback>comparingInt(c -> c.priority)
            .thenComparing(c -> c.declaringClass)
            .thenComparing(c -> c.methodName)
            .thenComparing(c -> c.key)
            .thenComparing(c -> c.beanClass); // one method inherited by two beans

    final String description;
    /* The method with the fully qualified names of its parameter types, which tells overloads apart. */
    private final String key;
    final int priority;
    private final String declaringClass;
    private final String methodName;
    private final String beanClass;
    private final Invoker<Object, ?> invoker;
    private final int parameterCount;
    /* The contextual reference to call; null where the invoker looks the instance up itself. */
    private final Reference target;

    /**
     * @param reference where to get the contextual reference of a normal-scoped or singleton bean; null
     *                  for a {@code @Dependent} bean, whose invoker was built with instance lookup
     */
    AnnotatedCallback(String declaringClass, String methodName, String key, String description, String beanClass,
            int priority, int parameterCount, Invoker<Object, ?> invoker, Supplier<Object> reference) {
        this.declaringClass = declaringClass;
        this.methodName = methodName;
        this.key = key;
        this.description = description;
        this.beanClass = beanClass;
        this.priority = priority;
        this.parameterCount = parameterCount;
        this.invoker = invoker;
        this.target = reference == null ? null : new Reference(reference);
    }

    /** Calls the method with the future; throws what the method or its interceptors throw. */
    void call(AsyncFuture<?> future) throws Exception {
        Object[] arguments = new Object[parameterCount];
        arguments[0] = future;
        invoker.invoke(target == null ? null : target.get(), arguments);
    }

    @Override
    public String toString() {
        return description;
    }

    /*
     * A contextual reference resolved on first use, not at deployment, which would create the bean
     * early. Racing first calls may both resolve it; they get equal references (the same client
     * proxy, or the one singleton instance).
     */
    private static final class Reference {
        private final Supplier<Object> resolver;
        private volatile Object reference;

        Reference(Supplier<Object> resolver) {
            this.resolver = resolver;
        }

        Object get() {
            Object resolved = reference;
            if (resolved == null) {
                resolved = resolver.get();
                reference = resolved;
            }
            return resolved;
        }
    }
}
