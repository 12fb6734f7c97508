package dev.cdiasync.impl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.enterprise.lang.model.types.TypeVariable;

/**
 * The type rules of declarations, on the build-time language model: which future types are allowed
 * and which callback parameter can receive the futures of which task. Types are read once into a
 * small form of their own ({@link Ty}), on which a supertype's type arguments can be substituted.
 */
final class Types {

    static final String OBJECT = "java.lang.Object";

    /** The future types an {@code @Async} method may return and an {@code @OnDone} method receive. */
    static final Set<String> FUTURES = Set.of("java.util.concurrent.Future", "java.util.concurrent.CompletableFuture",
            "java.util.concurrent.CompletionStage", "dev.cdiasync.AsyncFuture");

    private static final Map<String, String> BOXES = Map.of("boolean", "Boolean", "byte", "Byte", "short", "Short",
            "int", "Integer", "long", "Long", "float", "Float", "double", "Double", "char", "Character");

    private Types() {
    }

    /** A type: a class with its type arguments (none when raw), a type variable, a wildcard, or another (by name). */
    sealed interface Ty permits ClassTy, VarTy, WildTy, ArrayTy, OtherTy {
    }

    record ClassTy(ClassInfo declaration, List<Ty> arguments) implements Ty {
        String name() {
            return declaration.name();
        }
    }

    /** A type variable; its bounds are read when needed, as they may refer to the variable itself. */
    record VarTy(TypeVariable variable) implements Ty {
    }

    /** A wildcard; a null bound is absent ({@code ?} has neither). */
    record WildTy(Ty upper, Ty lower) implements Ty {
    }

    /** An array type. */
    record ArrayTy(Ty component) implements Ty {
    }

    /** A primitive or void type, or a result known only by its erased name. */
    record OtherTy(String name) implements Ty {
    }

    /* Types checks go no deeper than this: a bound that refers to itself (T extends Comparable<T>) ends here. */
    private static final int DEPTH = 12;

    /** The erased binary name: {@code java.lang.String}, {@code int}, {@code a.B$C[]}. */
    static String erasure(Type type) {
        switch (type.kind()) {
            case VOID:
                return "void";
            case PRIMITIVE:
                return type.asPrimitive().name();
            case CLASS:
                return type.asClass().declaration().name();
            case ARRAY:
                return erasure(type.asArray().componentType()) + "[]";
            case PARAMETERIZED_TYPE:
                return type.asParameterizedType().declaration().name();
            case TYPE_VARIABLE:
                List<Type> bounds = type.asTypeVariable().bounds();
                return bounds.isEmpty() ? OBJECT : erasure(bounds.get(0));
            default:
                Type upper = type.asWildcardType().upperBound();
                return upper == null ? OBJECT : erasure(upper);
        }
    }

    static boolean isObject(Type type) {
        return type.isClass() && type.asClass().declaration().name().equals(OBJECT);
    }

    /** Whether a type is one of the four future types, raw or parameterized. */
    static boolean isFuture(Type type) {
        return (type.isClass() || type.isParameterizedType()) && FUTURES.contains(erasure(type));
    }

    /** {@code Integer} for {@code int}: the type argument to suggest for a primitive result. */
    static String boxed(Type type) {
        return type.isPrimitive() ? BOXES.get(type.asPrimitive().name()) : Names.type(type);
    }

    static Ty of(Type type) {
        switch (type.kind()) {
            case CLASS:
                return new ClassTy(type.asClass().declaration(), List.of());
            case PARAMETERIZED_TYPE:
                List<Ty> arguments = new ArrayList<>();
                for (Type argument : type.asParameterizedType().typeArguments()) {
                    arguments.add(of(argument));
                }
                return new ClassTy(type.asParameterizedType().declaration(), arguments);
            case TYPE_VARIABLE:
                return new VarTy(type.asTypeVariable());
            case WILDCARD_TYPE:
                Type upper = type.asWildcardType().upperBound();
                Type lower = type.asWildcardType().lowerBound();
                return new WildTy(upper == null || isObject(upper) ? null : of(upper), lower == null ? null : of(lower));
            case ARRAY:
                return new ArrayTy(of(type.asArray().componentType()));
            default:
                return new OtherTy(erasure(type));
        }
    }

    /**
     * The result type of a future type: {@code String} for {@code Future<String>}, {@code Object}
     * for a raw one, {@code Void} for {@code void}.
     */
    static Ty resultType(Type futureOrVoid) {
        if (futureOrVoid.isVoid()) {
            return new OtherTy("java.lang.Void");
        }
        if (futureOrVoid.isParameterizedType()) {
            return of(futureOrVoid.asParameterizedType().typeArguments().get(0));
        }
        return new OtherTy(OBJECT);
    }

    /** A type as a user would write it, for messages. */
    static String describe(Ty type) {
        if (type instanceof ClassTy c) {
            if (c.arguments().isEmpty()) {
                return c.declaration().simpleName();
            }
            List<String> arguments = new ArrayList<>();
            c.arguments().forEach(argument -> arguments.add(describe(argument)));
            return c.declaration().simpleName() + "<" + String.join(", ", arguments) + ">";
        }
        if (type instanceof VarTy v) {
            return v.variable().name();
        }
        if (type instanceof WildTy w) {
            return w.upper() != null ? "? extends " + describe(w.upper())
                    : w.lower() != null ? "? super " + describe(w.lower()) : "?";
        }
        if (type instanceof ArrayTy a) {
            return describe(a.component()) + "[]";
        }
        String name = ((OtherTy) type).name();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    /**
     * A type of a method of {@code declaring}, as a bean of class {@code beanClass} sees it: the type
     * variables of {@code declaring} replaced by the type arguments the bean class gives them
     * ({@code String} for {@code T} of {@code Loader<T>} in {@code GreetingLoader extends
     * Loader<String>}); those it leaves open stay.
     */
    static Ty asSeenFrom(Ty type, ClassInfo beanClass, ClassInfo declaring) {
        ClassTy seen = asSupertype(new ClassTy(beanClass, List.of()), declaring.name());
        if (seen == null || seen.arguments().isEmpty()) {
            return type;
        }
        Map<String, Ty> bindings = new HashMap<>();
        List<TypeVariable> variables = declaring.typeParameters();
        for (int i = 0; i < variables.size() && i < seen.arguments().size(); i++) {
            bindings.put(variables.get(i).name(), seen.arguments().get(i));
        }
        return substitute(type, bindings);
    }

    /** The erased binary name of a type, as {@link #erasure(Type)} writes it. */
    static String erasure(Ty type) {
        if (type instanceof ArrayTy a) {
            return erasure(a.component()) + "[]";
        }
        return erased(type);
    }

    /** Whether a type mentions a type variable, so that it is only known per bean. */
    static boolean isOpen(Ty type) {
        if (type instanceof VarTy) {
            return true;
        }
        if (type instanceof ClassTy c) {
            return c.arguments().stream().anyMatch(Types::isOpen);
        }
        if (type instanceof WildTy w) {
            return w.upper() != null && isOpen(w.upper()) || w.lower() != null && isOpen(w.lower());
        }
        if (type instanceof ArrayTy a) {
            return isOpen(a.component());
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
    static boolean accepts(Ty declared, Ty result) {
        return accepts(declared, result, 0);
    }

    private static boolean accepts(Ty declared, Ty result, int depth) {
        if (depth > DEPTH) {
            return true; // a bound that refers to itself: not held against the declaration
        }
        if (declared instanceof WildTy w) {
            return (w.upper() == null || accepts(w.upper(), result, depth + 1))
                    && (w.lower() == null || isAssignable(w.lower(), result, depth + 1));
        }
        if (declared instanceof VarTy v) {
            for (Type bound : v.variable().bounds()) {
                if (!accepts(of(bound), result, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return isAssignable(result, declared, depth + 1);
    }

    /** Whether a value of type {@code from} can be assigned to {@code to}, reading generics loosely. */
    static boolean isAssignable(Ty from, Ty to) {
        return isAssignable(from, to, 0);
    }

    private static boolean isAssignable(Ty from, Ty to, int depth) {
        if (depth > DEPTH || isOpen(from)) {
            return true; // a type variable of the bean: only known per bean, so not held against it
        }
        if (from instanceof WildTy w) {
            // A result declared '? extends S' is an S; '? super S' or '?' only an Object.
            return isAssignable(w.upper() != null ? w.upper() : new OtherTy(OBJECT), to, depth + 1);
        }
        if (to instanceof VarTy || to instanceof WildTy) {
            return accepts(to, from, depth + 1);
        }
        if (to instanceof ClassTy target && target.name().equals(OBJECT)) {
            return true;
        }
        if (from instanceof ArrayTy array) {
            return isAssignableArray(array, to, depth);
        }
        if (to instanceof OtherTy || to instanceof ArrayTy || from instanceof OtherTy
                || !(from instanceof ClassTy fromClass)) {
            return erasure(from).equals(erasure(to));
        }
        ClassTy target = (ClassTy) to;
        ClassTy seen = asSupertype(fromClass, target.name());
        if (seen == null) {
            return false;
        }
        // Compare type arguments on the same class: ArrayList<String> is seen as List<String>.
        if (!target.arguments().isEmpty() && seen.arguments().size() == target.arguments().size() && !isOpen(seen)) {
            for (int i = 0; i < target.arguments().size(); i++) {
                if (!contains(target.arguments().get(i), seen.arguments().get(i), depth + 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    /*
     * Arrays are Cloneable and Serializable, and covariant in their reference components: String[]
     * is an Object[] and a CharSequence[]; int[] is only an int[].
     */
    private static boolean isAssignableArray(ArrayTy from, Ty to, int depth) {
        if (to instanceof ClassTy target) {
            return target.name().equals("java.lang.Cloneable") || target.name().equals("java.io.Serializable");
        }
        if (!(to instanceof ArrayTy target)) {
            return false;
        }
        if (from.component() instanceof OtherTy || target.component() instanceof OtherTy) {
            return erasure(from.component()).equals(erasure(target.component())); // primitives: exactly
        }
        return isAssignable(from.component(), target.component(), depth + 1);
    }

    /**
     * The type {@code type} has as its supertype of class {@code target}, with the type arguments
     * of {@code type} carried along ({@code List<String>} for {@code ArrayList<String>} and
     * {@code java.util.List}); null if it has none.
     */
    static ClassTy asSupertype(ClassTy type, String target) {
        if (type.name().equals(target)) {
            return type;
        }
        ClassInfo declaration = type.declaration();
        Map<String, Ty> bindings = new HashMap<>();
        List<TypeVariable> variables = declaration.typeParameters();
        for (int i = 0; i < variables.size() && i < type.arguments().size(); i++) {
            bindings.put(variables.get(i).name(), type.arguments().get(i));
        }
        List<Type> supertypes = new ArrayList<>(declaration.superInterfaces());
        if (declaration.superClass() != null) {
            supertypes.add(declaration.superClass());
        }
        for (Type supertype : supertypes) {
            if (substitute(of(supertype), bindings) instanceof ClassTy classType) {
                ClassTy found = asSupertype(classType, target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static Ty substitute(Ty type, Map<String, Ty> bindings) {
        if (type instanceof VarTy v) {
            return bindings.getOrDefault(v.variable().name(), v);
        }
        if (type instanceof ClassTy c && !c.arguments().isEmpty()) {
            List<Ty> arguments = new ArrayList<>();
            for (Ty argument : c.arguments()) {
                arguments.add(substitute(argument, bindings));
            }
            return new ClassTy(c.declaration(), arguments);
        }
        if (type instanceof WildTy w) {
            return new WildTy(w.upper() == null ? null : substitute(w.upper(), bindings),
                    w.lower() == null ? null : substitute(w.lower(), bindings));
        }
        if (type instanceof ArrayTy a) {
            return new ArrayTy(substitute(a.component(), bindings));
        }
        return type;
    }

    /* Type argument containment, as Java's generics define it (List<? extends Number> contains Integer). */
    private static boolean contains(Ty declared, Ty actual, int depth) {
        if (declared instanceof WildTy || declared instanceof VarTy) {
            return accepts(declared, actual, depth + 1);
        }
        return same(declared, actual);
    }

    private static boolean same(Ty a, Ty b) {
        if (a instanceof ClassTy x && b instanceof ClassTy y) {
            if (!x.name().equals(y.name()) || x.arguments().size() != y.arguments().size()) {
                return false;
            }
            for (int i = 0; i < x.arguments().size(); i++) {
                if (!same(x.arguments().get(i), y.arguments().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof VarTy x && b instanceof VarTy y) {
            return x.variable().name().equals(y.variable().name());
        }
        if (a instanceof WildTy x && b instanceof WildTy y) {
            return sameOrBothNull(x.upper(), y.upper()) && sameOrBothNull(x.lower(), y.lower());
        }
        if (a instanceof ArrayTy x && b instanceof ArrayTy y) {
            return same(x.component(), y.component());
        }
        return a instanceof OtherTy && b instanceof OtherTy && erased(a).equals(erased(b));
    }

    private static boolean sameOrBothNull(Ty a, Ty b) {
        return a == null ? b == null : b != null && same(a, b);
    }

    private static String erased(Ty type) {
        if (type instanceof ClassTy c) {
            return c.name();
        }
        if (type instanceof OtherTy o) {
            return o.name();
        }
        if (type instanceof VarTy v && !v.variable().bounds().isEmpty()) {
            return erasure(v.variable().bounds().get(0));
        }
        return OBJECT;
    }
}
