package dev.cdiasync.impl;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanContainer;

/**
 * The instance to call a method on, for the bean of exactly one class: not a subclass that is a bean
 * too, not an enabled alternative subclass, not a producer the class declares, and also a bean whose
 * {@code @Typed} leaves its own class out of its types (a lookup by type would find none of these
 * right). Resolved on first use, not at deployment, which would create the bean early.
 *
 * <p>A bean whose types include the class that declares the method is called on its contextual
 * reference, kept (for a request-scoped bean it reaches the instance of the request context active at
 * each call). Otherwise the client proxy would not have the method: a normal-scoped bean is then
 * called on its contextual instance, looked up in its context at each call.
 */
final class BeanTarget implements Supplier<Object> {

    private final BeanContainer container;
    private final Class<?> beanClass;
    private final Class<?> declaring;
    private final Set<Annotation> qualifiers;
    private final String method;
    /* Resolved on first use; racing first calls resolve equal values. */
    private volatile Bean<?> bean;
    private volatile Object reference;

    /**
     * @param declaringClass the name of the class that declares the method, the bean class or a superclass of it
     * @param qualifiers     the bean's qualifiers, which tell it from a producer of the same class and type
     * @param method         the method, for messages
     */
    BeanTarget(BeanContainer container, Class<?> beanClass, String declaringClass, Annotation[] qualifiers,
            String method) {
        this.container = container;
        this.beanClass = beanClass;
        this.declaring = superclass(beanClass, declaringClass);
        this.qualifiers = qualifiers == null ? Set.of() : Set.of(qualifiers);
        this.method = method;
    }

    private static Class<?> superclass(Class<?> beanClass, String name) {
        for (Class<?> c = beanClass; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        return beanClass; // a default method of an interface: the bean class has it too
    }

    /** The bean, found now if not yet: fails with a message naming the method if there is none. */
    Bean<?> bean() {
        Bean<?> found = bean;
        if (found == null) {
            found = find();
            bean = found;
        }
        return found;
    }

    private Bean<?> find() {
        List<Bean<?>> candidates = new ArrayList<>();
        for (Bean<?> candidate : container.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (candidate.getBeanClass() == beanClass && typesAreSupertypes(candidate)) {
                candidates.add(candidate);
            }
        }
        if (candidates.size() > 1) {
            candidates.removeIf(candidate -> !candidate.getQualifiers().containsAll(qualifiers));
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("No bean of class " + beanClass.getName() + " for " + method);
        }
        return candidates.get(0);
    }

    /* A managed bean's types are all supertypes of its class; a producer's are those of what it makes. */
    private boolean typesAreSupertypes(Bean<?> candidate) {
        for (Type type : candidate.getTypes()) {
            if (!raw(type).isAssignableFrom(beanClass)) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** What to call the method on now. */
    @Override
    public Object get() {
        Object resolved = reference;
        if (resolved != null) {
            return resolved;
        }
        Bean<?> found = bean();
        Type type = typeWithMethod(found);
        if (type == null && container.isNormalScope(found.getScope())) {
            return contextualInstance(found);
        }
        resolved = container.getReference(found, type != null ? type : Object.class,
                container.createCreationalContext(found));
        reference = resolved;
        return resolved;
    }

    private Type typeWithMethod(Bean<?> found) {
        for (Type type : found.getTypes()) {
            if (declaring.isAssignableFrom(raw(type))) {
                return type;
            }
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object contextualInstance(Bean<?> found) {
        Bean raw = found;
        return container.getContext(found.getScope()).get(raw, container.createCreationalContext(raw));
    }

    /**
     * Calls the method on an instance of its own if the bean is {@code @Dependent} (destroyed after
     * the call), else on {@link #get()}.
     */
    <R> R call(Call<R> call) throws Throwable {
        Bean<?> found = bean();
        if (found.getScope() != Dependent.class) {
            return call.on(get());
        }
        CreationalContext<?> context = container.createCreationalContext(found);
        try {
            Type type = typeWithMethod(found);
            return call.on(container.getReference(found, type != null ? type : Object.class, context));
        } finally {
            context.release();
        }
    }

    /** A call on an instance. */
    interface Call<R> {
        R on(Object instance) throws Throwable;
    }
}
