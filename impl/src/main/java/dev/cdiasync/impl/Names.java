package dev.cdiasync.impl;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.StringJoiner;

import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.declarations.ParameterInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.enterprise.lang.model.types.WildcardType;

/**
 * How methods, types and names are written in messages, the key that matches a method seen at
 * build time to the one an interceptor sees at run time, and the closest-name suggestion.
 */
final class Names {

    private Names() {
    }

    /** {@code com.acme.Reporter#log(AsyncFuture, Metrics)}: the form messages and events use. */
    static String method(MethodInfo method) {
        StringJoiner params = new StringJoiner(", ", "(", ")");
        for (ParameterInfo parameter : method.parameters()) {
            params.add(simple(Types.erasure(parameter.type())));
        }
        return method.declaringClass().name() + "#" + method.name() + params;
    }

    /**
     * {@code com.acme.Worker#work(java.lang.String,int[])}: the declaring class and the erased
     * parameter types, written alike for a method of the language model and for a reflected one.
     */
    static String key(MethodInfo method) {
        StringJoiner params = new StringJoiner(",", "(", ")");
        for (ParameterInfo parameter : method.parameters()) {
            params.add(Types.erasure(parameter.type()));
        }
        return method.declaringClass().name() + "#" + method.name() + params;
    }

    /** The same key for a reflected method. */
    static String key(Method method) {
        StringJoiner params = new StringJoiner(",", "(", ")");
        for (Class<?> type : method.getParameterTypes()) {
            params.add(type.getTypeName());
        }
        return method.getDeclaringClass().getName() + "#" + method.getName() + params;
    }

    /** {@code Future<Integer>}: a type with simple names, as a user wrote it. */
    static String type(Type type) {
        switch (type.kind()) {
            case VOID:
                return "void";
            case PRIMITIVE:
                return type.asPrimitive().name();
            case CLASS:
                return type.asClass().declaration().simpleName();
            case ARRAY:
                return type(type.asArray().componentType()) + "[]";
            case PARAMETERIZED_TYPE:
                StringJoiner args = new StringJoiner(", ", "<", ">");
                for (Type argument : type.asParameterizedType().typeArguments()) {
                    args.add(type(argument));
                }
                return type.asParameterizedType().declaration().simpleName() + args;
            case TYPE_VARIABLE:
                return type.asTypeVariable().name();
            default:
                WildcardType wildcard = type.asWildcardType();
                if (wildcard.upperBound() != null && !Types.isObject(wildcard.upperBound())) {
                    return "? extends " + type(wildcard.upperBound());
                }
                return wildcard.lowerBound() != null ? "? super " + type(wildcard.lowerBound()) : "?";
        }
    }

    /** The simple name of an erased type name: {@code String} for {@code java.lang.String}, {@code Inner} for {@code a.Outer$Inner}. */
    static String simple(String erasure) {
        return erasure.substring(Math.max(erasure.lastIndexOf('.'), erasure.lastIndexOf('$')) + 1);
    }

    /** The candidate closest to {@code name} by edit distance, or null if none is close. */
    static String closest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int distance = distance(name.toLowerCase(), candidate.toLowerCase());
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A suggestion is useful only if it is nearer to the name than to an unrelated word.
        return best != null && bestDistance <= Math.max(2, name.length() / 2) ? best : null;
    }

    /** Levenshtein distance, with a transposition counted as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
