package dev.cdiasync.impl;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Comparator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.invoke.Invoker;

/**
 * One {@code @OnDone} method of one bean, called through its CDI method invoker on a contextual
 * reference, so that its interceptors (the isolation interceptor first) apply.
 *
 * <p>The bean instance is the bean's own contextual reference, taken for that exact bean rather
 * than looked up by type, so that a subclass bean that inherits the callback never makes the lookup
 * ambiguous. Further parameters are resolved like an observer method's, per call; the
 * {@code @Dependent} objects of a call (the instance of a dependent bean, dependent arguments) are
 * destroyed after it.
 */
final class AnnotatedCallback {

    /** The order of callbacks: priority, then class name, method name, parameter types. */
    static final Comparator<AnnotatedCallback> ORDER = Comparator.<AnnotatedCallback>comparingInt(c -> c.priority)
            .thenComparing(c -> c.method.getDeclaringClass().getName())
            .thenComparing(c -> c.method.getName())
            .thenComparing(c -> Names.method(c.method))
            .thenComparing(c -> c.bean.getBeanClass().getName()); // one method inherited by two beans

    final Method method;
    final String description;
    final int priority;
    final Bean<?> bean;
    private final Invoker<Object, ?> invoker;
    private final int parameterCount;

    /* Set once, at deployment validation; then only read. */
    private BeanManager beanManager;
    private Type referenceType;
    private InjectionPoint[] injected;
    private Object sharedInstance;
    /* For an application-scoped bean, its instance once resolved: it lives as long as the container. */
    private volatile Object applicationInstance;
    private boolean applicationScoped;
    /* Whether the callback's own @ActivateRequestContext interceptor is enough: see ready(). */
    private boolean activatesItself;

    AnnotatedCallback(Method method, int priority, Bean<?> bean, Invoker<Object, ?> invoker) {
        this.method = method;
        this.description = Names.method(method);
        this.priority = priority;
        this.bean = bean;
        this.invoker = invoker;
        this.parameterCount = method.getParameterCount();
    }

    /**
     * Readies the callback once deployment is valid: the injection points of its further parameters
     * and, for a normal-scoped bean, its client proxy, which serves every call.
     */
    void ready(BeanManager beanManager, Type referenceType, InjectionPoint[] injected) {
        this.beanManager = beanManager;
        this.referenceType = referenceType;
        this.injected = injected;
        this.applicationScoped = bean.getScope() == ApplicationScoped.class;
        if (beanManager.isNormalScope(bean.getScope())) {
            this.sharedInstance = beanManager.getReference(bean, referenceType, beanManager.createCreationalContext(bean));
        }
        // The request context the interceptor activates begins only once the call reaches the bean
        // instance; a request-scoped bean, a dependent one (created per call) or injected arguments
        // are resolved before that, so the dispatcher must activate the context first for them.
        this.activatesItself = sharedInstance != null && bean.getScope() != RequestScoped.class && injected.length == 0;
    }

    /** Whether the call activates its own request context (through its interceptor) where needed. */
    boolean activatesItself() {
        return activatesItself;
    }

    /** Calls the method with the future. Throws what escapes its interceptors. */
    void call(Object future) throws Exception {
        Object[] arguments = new Object[parameterCount];
        arguments[0] = future;
        if (sharedInstance != null && injected.length == 0) {
            invoker.invoke(applicationScoped ? applicationInstance() : sharedInstance, arguments);
            return;
        }
        CreationalContext<?> dependents = beanManager.createCreationalContext(null);
        try {
            Object instance = sharedInstance != null
                    ? sharedInstance
                    : beanManager.getReference(bean, referenceType, dependents);
            for (int i = 0; i < injected.length; i++) {
                arguments[i + 1] = beanManager.getInjectableReference(injected[i], dependents);
            }
            invoker.invoke(instance, arguments);
        } finally {
            dependents.release();
        }
    }

    /*
     * The application-scoped instance behind the client proxy, resolved on first use (not at
     * deployment, which would create the bean early). Racing first calls resolve the same instance.
     */
    private Object applicationInstance() {
        Object instance = applicationInstance;
        if (instance == null) {
            instance = beanManager.getContext(ApplicationScoped.class).get(contextual(), beanManager.createCreationalContext(bean));
            applicationInstance = instance;
        }
        return instance;
    }

    @SuppressWarnings("unchecked")
    private <T> Bean<T> contextual() {
        return (Bean<T>) bean;
    }

    @Override
    public String toString() {
        return description;
    }
}
