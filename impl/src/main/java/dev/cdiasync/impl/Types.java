package dev.cdiasync.impl;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import dev.cdiasync.AsyncFuture;

/** The type rules of declarations: which future types are allowed and what fits what. */
final class Types {

    /** The future types an {@code @Async} method may return and an {@code @OnDone} method receive. */
    static final Set<Class<?>> FUTURES = Set.of(Future.class, CompletableFuture.class, CompletionStage.class,
            AsyncFuture.class);

    private Types() {
    }

    /** The raw class of a type. */
    static Class<?> erasure(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return erasure(p.getRawType());
        }
        if (type instanceof GenericArrayType g) {
            return erasure(g.getGenericComponentType()).arrayType();
        }
        if (type instanceof TypeVariable<?> v) {
            return erasure(v.getBounds()[0]);
        }
        if (type instanceof WildcardType w) {
            return erasure(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    /**
     * The result type of a future type: {@code String} for {@code Future<String>}, {@code Object}
     * for a raw one, {@code Void} for {@code void}.
     */
    static Type resultType(Type futureOrVoid) {
        if (futureOrVoid == void.class) {
            return Void.class;
        }
        if (futureOrVoid instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    /** Whether a type mentions a type variable, so that it is only known per bean. */
    static boolean isOpen(Type type) {
        if (type instanceof TypeVariable<?>) {
            return true;
        }
        if (type instanceof ParameterizedType p) {
            for (Type arg : p.getActualTypeArguments()) {
                if (isOpen(arg)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                if (isOpen(bound)) {
                    return true;
                }
            }
            for (Type bound : w.getLowerBounds()) {
                if (isOpen(bound)) {
                    return true;
                }
            }
            return false;
        }
        if (type instanceof GenericArrayType g) {
            return isOpen(g.getGenericComponentType());
        }
        return false;
    }

    /**
     * Whether a parameter declared as {@code Future<declared>} can receive the futures of a task
     * whose result type is {@code result}. Callbacks only read the result, so the rule is that the
     * result can be assigned to the declared type argument ({@code Future<Number>} fits an
     * {@code Integer} task); {@code ?} fits anything, {@code ? extends S} and a type variable check
     * their bounds, and {@code ? super S} fits when S can be assigned to the result.
     */
    static boolean accepts(Type declared, Type result) {
        if (declared instanceof WildcardType w) {
            for (Type upper : w.getUpperBounds()) {
                if (!accepts(upper, result)) {
                    return false;
                }
            }
            for (Type lower : w.getLowerBounds()) {
                if (!isAssignable(lower, result)) {
                    return false;
                }
            }
            return true;
        }
        if (declared instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                if (!accepts(bound, result)) {
                    return false;
                }
            }
            return true;
        }
        return isAssignable(result, declared);
    }

    /** Whether a value of type {@code from} can be assigned to {@code to}, reading generics loosely. */
    static boolean isAssignable(Type from, Type to) {
        if (isOpen(from)) {
            return true; // a type variable of the bean: only known per bean, so not held against it
        }
        if (to instanceof TypeVariable<?> || to instanceof WildcardType) {
            return accepts(to, from);
        }
        if (!erasure(to).isAssignableFrom(erasure(from))) {
            return false;
        }
        if (to instanceof ParameterizedType toP) {
            // Compare type arguments on the same class: ArrayList<String> is seen as List<String>.
            Type seen = asSupertype(from, erasure(toP));
            if (seen instanceof ParameterizedType fromP && !isOpen(fromP)) {
                Type[] toArgs = toP.getActualTypeArguments();
                Type[] fromArgs = fromP.getActualTypeArguments();
                for (int i = 0; i < toArgs.length; i++) {
                    if (!contains(toArgs[i], fromArgs[i])) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * The type {@code type} has as its supertype of class {@code target}, with the type arguments
     * of {@code type} carried along ({@code List<String>} for {@code ArrayList<String>} and
     * {@code List}); null if it has none.
     */
    static Type asSupertype(Type type, Class<?> target) {
        Class<?> raw = erasure(type);
        if (raw == target) {
            return type;
        }
        Map<TypeVariable<?>, Type> bindings = new HashMap<>();
        if (type instanceof ParameterizedType p) {
            TypeVariable<?>[] variables = raw.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                bindings.put(variables[i], arguments[i]);
            }
        }
        List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            if (target.isAssignableFrom(erasure(supertype))) {
                Type found = asSupertype(substitute(supertype, bindings), target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> v) {
            return bindings.getOrDefault(v, v);
        }
        if (type instanceof ParameterizedType p) {
            Type[] arguments = p.getActualTypeArguments().clone();
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = substitute(arguments[i], bindings);
            }
            return new Parameterized((Class<?>) p.getRawType(), arguments);
        }
        return type;
    }

    /** A parameterized type made here, for a supertype whose arguments were substituted. */
    private record Parameterized(Class<?> raw, Type[] arguments) implements ParameterizedType {
        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return raw;
        }

        @Override
        public Type getOwnerType() {
            return raw.getDeclaringClass();
        }

        @Override
        public String toString() {
            return Names.type(this);
        }
    }

    /* Type argument containment, as Java's generics define it (List<? extends Number> contains Integer). */
    private static boolean contains(Type declared, Type actual) {
        if (declared instanceof WildcardType || declared instanceof TypeVariable<?>) {
            return accepts(declared, actual);
        }
        return declared.equals(actual);
    }
}
