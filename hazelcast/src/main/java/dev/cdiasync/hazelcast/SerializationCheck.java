package dev.cdiasync.hazelcast;

import java.io.Externalizable;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.hazelcast.config.CompactSerializationConfig;
import com.hazelcast.config.CompactSerializationConfigAccessor;
import com.hazelcast.config.GlobalSerializerConfig;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.HazelcastJsonValue;
import com.hazelcast.internal.util.TriTuple;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.nio.serialization.Portable;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.genericrecord.GenericRecord;

/**
 * Whether Hazelcast can serialize the values of a declared type, judged at deployment from the type
 * and the instance's serialization config, in Hazelcast's own order of lookup: its built-in types
 * and collections, {@code DataSerializable} and {@code Portable}, serializers registered in the
 * config (custom, global, Compact), Java serialization for {@code Serializable} classes, and last
 * zero-configuration Compact for other classes and records outside the JDK's packages.
 *
 * <p>What can be known from the type alone is checked: a JDK class that is not
 * {@code Serializable} ({@code Thread}); a {@code Serializable} class with a field of a final type
 * that is not ({@code record} components included), or whose first superclass that is not
 * {@code Serializable} has no constructor without parameters it can call; an {@code Externalizable}
 * without a constructor without parameters; an array other than of primitives, {@code String} or
 * {@code Object}, which Java serialization writes, of elements that are not {@code Serializable}; a
 * record or class for zero-config Compact with a field Compact cannot write (a JDK type outside its
 * list, a {@code Serializable} class, a type with a custom serializer, an array of arrays, a raw
 * {@code List}). (A class for zero-config Compact needs no constructor without parameters: Hazelcast
 * creates it without one.) An interface,
 * an abstract class or {@code Object} is accepted: the runtime class decides, and a wrong one fails
 * the call when it is sent. A global serializer accepts everything.
 */
final class SerializationCheck {

    /* What zero-config Compact writes as a field (and as elements of arrays and collections). */
    private static final Set<Class<?>> COMPACT_SCALARS = Set.of(boolean.class, byte.class, char.class, short.class,
            int.class, long.class, float.class, double.class, Boolean.class, Byte.class, Character.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, String.class, BigDecimal.class,
            LocalTime.class, LocalDate.class, LocalDateTime.class, OffsetDateTime.class);

    /* JDK value types that Hazelcast serializes itself, Serializable or not. */
    private static final Set<Class<?>> HAZELCAST_TYPES = Set.of(String.class, Boolean.class, Byte.class,
            Character.class, Short.class, Integer.class, Long.class, Float.class, Double.class, UUID.class,
            BigInteger.class, BigDecimal.class, Date.class, Class.class, LocalTime.class, LocalDate.class,
            LocalDateTime.class, OffsetDateTime.class, HazelcastJsonValue.class, Void.class, Object.class);

    private static final String FIX = " Make it Serializable or a record of supported types, or register a serializer"
            + " for it in the Hazelcast config (SerializationConfig, or CompactSerializationConfig.addSerializer).";

    private final boolean global;
    private final List<Class<?>> custom = new ArrayList<>();
    private final Set<Class<?>> compact = new HashSet<>();
    private final Set<String> compactNames = new HashSet<>();

    @SuppressWarnings("rawtypes")
    SerializationCheck(SerializationConfig config) {
        GlobalSerializerConfig globalConfig = config.getGlobalSerializerConfig();
        global = globalConfig != null
                && (globalConfig.getClassName() != null || globalConfig.getImplementation() != null);
        for (SerializerConfig serializer : config.getSerializerConfigs()) {
            Class<?> type = serializer.getTypeClass();
            if (type == null && serializer.getTypeClassName() != null) {
                type = load(serializer.getTypeClassName());
            }
            if (type != null) {
                custom.add(type);
            }
        }
        CompactSerializationConfig compactConfig = config.getCompactSerializationConfig();
        // Hazelcast's config has no public getter for the registrations; its accessor is the way its own code reads them.
        for (TriTuple<Class, String, CompactSerializer> registration
                : CompactSerializationConfigAccessor.getRegistrations(compactConfig).values()) {
            compact.add(registration.element1);
        }
        compactNames.addAll(CompactSerializationConfigAccessor.getCompactSerializableClassNames(compactConfig));
        for (String serializerName : CompactSerializationConfigAccessor.getSerializerClassNames(compactConfig)) {
            try {
                Class<?> serializerClass = load(serializerName);
                if (serializerClass != null) {
                    compact.add(((CompactSerializer<?>) serializerClass.getDeclaredConstructor().newInstance())
                            .getCompactClass());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Hazelcast reports a broken serializer itself when it starts
            }
        }
    }

    /** @return null if values of the type can be serialized, else why not, in a sentence or two */
    String problem(Type type) {
        if (global) {
            return null;
        }
        String problem = hazelcast(type, new HashSet<>());
        return problem == null ? null : problem + FIX;
    }

    /* A value Hazelcast serializes as a whole: a parameter, a result, an element of a collection it writes. */
    private String hazelcast(Type type, Set<Class<?>> seen) {
        Class<?> raw = raw(type);
        if (raw.isPrimitive() || HAZELCAST_TYPES.contains(raw) || raw.isEnum() || registered(raw)
                || DataSerializable.class.isAssignableFrom(raw) || Portable.class.isAssignableFrom(raw)
                || GenericRecord.class.isAssignableFrom(raw) || ByteBuffer.class.isAssignableFrom(raw)) {
            return null;
        }
        if (raw.isArray()) {
            return array(type, raw, seen);
        }
        if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                || Optional.class.equals(raw) || Map.Entry.class.isAssignableFrom(raw)) {
            if (!Serializable.class.isAssignableFrom(raw) && !raw.isInterface() && !Optional.class.equals(raw)
                    && !Modifier.isAbstract(raw.getModifiers())) {
                return raw.getName() + " is not Serializable.";
            }
            for (Type argument : arguments(type)) {
                String problem = hazelcast(argument, seen);
                if (problem != null) {
                    return "an element of " + type.getTypeName() + ": " + problem;
                }
            }
            return null;
        }
        if (Serializable.class.isAssignableFrom(raw)) {
            return javaSerializable(raw, false, seen);
        }
        if (raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return null; // the runtime class decides
        }
        if (isJdk(raw)) {
            return raw.getName() + " is a JDK class that is not Serializable, and zero-config Compact does not take"
                    + " JDK classes.";
        }
        return compactClass(raw, seen);
    }

    /*
     * Hazelcast has serializers of its own for arrays of primitives, of String and of exactly Object (whose
     * elements it writes one by one, each found its serializer); any other array is Serializable, so Java
     * serialization writes it, elements included: they must be Serializable, whatever serializer the config
     * registers for them.
     */
    private String array(Type type, Class<?> raw, Set<Class<?>> seen) {
        Class<?> component = raw.getComponentType();
        if (component.isPrimitive() || raw == String[].class || raw == Object[].class) {
            return null;
        }
        String problem = javaField(componentType(type), seen);
        return problem == null ? null : "Hazelcast writes an array of " + component.getTypeName() + " by Java"
                + " serialization (it has serializers of its own only for arrays of primitives, of String and of"
                + " Object), and its elements cannot be written that way: " + problem;
    }

    /*
     * A class Java serialization writes: it needs the constructor Java serialization creates it with, and each
     * field must be serializable too, unless the class writes itself. nested: written by Java serialization as
     * part of another object, rather than by Hazelcast's serializer of Serializable and Externalizable classes.
     */
    private String javaSerializable(Class<?> type, boolean nested, Set<Class<?>> seen) {
        if (isJdk(type) || !seen.add(type)) {
            return null;
        }
        if (Externalizable.class.isAssignableFrom(type)) {
            return externalizable(type, nested);
        }
        String constructor = serializableConstructor(type);
        if (constructor != null) {
            return constructor;
        }
        if (writesItself(type)) {
            return null;
        }
        for (Class<?> c = type; c != null && Serializable.class.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                String problem = javaField(field.getGenericType(), seen);
                if (problem != null) {
                    return type.getName() + " is written by Java serialization, and its field '" + field.getName()
                            + "' (" + field.getGenericType().getTypeName() + ") cannot be: " + problem;
                }
            }
        }
        return null;
    }

    /*
     * Java serialization creates a Serializable class (not a record, not an enum) through the constructor without
     * parameters of its first superclass that is not Serializable: public or protected, or package-private in
     * the same package.
     */
    private static String serializableConstructor(Class<?> type) {
        if (type.isRecord() || type.isEnum() || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null; // records through their canonical constructor; for the others the runtime class decides
        }
        Class<?> first = type;
        while (first != null && Serializable.class.isAssignableFrom(first)) {
            first = first.getSuperclass();
        }
        if (first == null) {
            return null;
        }
        String problem = null;
        try {
            int modifiers = first.getDeclaredConstructor().getModifiers();
            if (Modifier.isPrivate(modifiers) || !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)
                    && !(first.getPackageName().equals(type.getPackageName())
                            && first.getClassLoader() == type.getClassLoader())) {
                problem = "its constructor without parameters is not visible to " + type.getName();
            }
        } catch (NoSuchMethodException e) {
            problem = "it has no constructor without parameters";
        }
        return problem == null ? null : type.getName() + " is written by Java serialization, which creates it"
                + " through the constructor without parameters of its first superclass that is not Serializable, "
                + first.getName() + ", and " + problem + ". Give " + first.getSimpleName() + " such a constructor"
                + " (public or protected), or make it Serializable too.";
    }

    /*
     * Hazelcast creates an Externalizable it reads itself through its constructor without parameters, of any
     * visibility; Java serialization, for one nested in another object, through a public one.
     */
    private static String externalizable(Class<?> type, boolean nested) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null; // the runtime class decides
        }
        try {
            int modifiers = type.getDeclaredConstructor().getModifiers();
            if (!nested || Modifier.isPublic(modifiers)) {
                return null;
            }
            return type.getName() + " is Externalizable and written by Java serialization inside another object,"
                    + " which needs a public constructor without parameters; its own is not public. Make it public.";
        } catch (NoSuchMethodException e) {
            return type.getName() + " is Externalizable, and has no constructor without parameters to read it"
                    + " back with. Add one" + (nested ? " (public)." : ".");
        }
    }

    private String javaField(Type type, Set<Class<?>> seen) {
        Class<?> raw = raw(type);
        if (raw.isPrimitive() || raw == Object.class) {
            return null;
        }
        if (raw.isArray()) {
            return javaField(componentType(type), seen);
        }
        if (Serializable.class.isAssignableFrom(raw)) {
            for (Type argument : arguments(type)) {
                String problem = javaField(argument, seen);
                if (problem != null) {
                    return problem;
                }
            }
            return javaSerializable(raw, true, seen);
        }
        if (raw.isInterface()) {
            for (Type argument : arguments(type)) { // the elements of a List or Map field travel too
                String problem = javaField(argument, seen);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (Modifier.isFinal(raw.getModifiers()) || raw.isRecord() || isJdk(raw)) {
            return raw.getName() + " is not Serializable.";
        }
        return null; // a subclass may be
    }

    private static boolean writesItself(Class<?> type) {
        return declares(type, "writeObject", java.io.ObjectOutputStream.class) || declares(type, "writeReplace");
    }

    private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Method method = c.getDeclaredMethod(name, parameters);
                if (method != null) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // not here
            }
        }
        return false;
    }

    /* A record or class that zero-config Compact writes, field by field. */
    private String compactClass(Class<?> type, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return null;
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                String problem = compactField(component.getGenericType(), seen);
                if (problem != null) {
                    return "record " + type.getName() + " is written by zero-config Compact, and its component '"
                            + component.getName() + "' (" + component.getGenericType().getTypeName() + ") cannot be: "
                            + problem;
                }
            }
            return null;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())) {
                    continue;
                }
                String problem = compactField(field.getGenericType(), seen);
                if (problem != null) {
                    return type.getName() + " is written by zero-config Compact, and its field '" + field.getName()
                            + "' (" + field.getGenericType().getTypeName() + ") cannot be: " + problem;
                }
            }
        }
        return null;
    }

    private String compactField(Type type, Set<Class<?>> seen) {
        Class<?> raw = raw(type);
        if (raw.isArray()) {
            Class<?> component = raw.getComponentType();
            if (component.isArray()) {
                return "Compact does not write arrays of arrays.";
            }
            return compactElement(component, seen);
        }
        if (raw == List.class || raw == ArrayList.class || raw == Set.class || raw == HashSet.class
                || raw == Map.class || raw == HashMap.class) {
            Type[] arguments = arguments(type);
            if (arguments.length == 0) {
                return "Compact needs the element types of " + raw.getName() + " declared.";
            }
            for (Type argument : arguments) {
                if (!(argument instanceof Class<?> element)) {
                    return "Compact needs the element types of " + raw.getName() + " to be classes, not "
                            + argument.getTypeName() + ".";
                }
                String problem = compactElement(element, seen);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return compactElement(raw, seen);
    }

    private String compactElement(Class<?> type, Set<Class<?>> seen) {
        if (COMPACT_SCALARS.contains(type) || type.isEnum() || compactRegistered(type)) {
            return null;
        }
        if (isJdk(type) || type.isArray()) {
            return type.getTypeName() + " is not among the types Compact writes (primitives and their boxes, String,"
                    + " BigDecimal, LocalDate, LocalTime, LocalDateTime, OffsetDateTime, enums, arrays, List, Set,"
                    + " Map, and nested Compact classes).";
        }
        if (Serializable.class.isAssignableFrom(type) || DataSerializable.class.isAssignableFrom(type)
                || Portable.class.isAssignableFrom(type) || customSerializer(type)) {
            return type.getName() + " is serialized another way (Serializable, DataSerializable, Portable or a custom"
                    + " serializer), and Compact does not nest other formats.";
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return null; // the runtime class decides
        }
        return compactClass(type, seen);
    }

    private boolean registered(Class<?> type) {
        return compactRegistered(type) || customSerializer(type);
    }

    /* Compact nests only Compact: a type with a custom serializer inside a Compact object cannot be written. */
    private boolean compactRegistered(Class<?> type) {
        return compact.contains(type) || compactNames.contains(type.getName());
    }

    private boolean customSerializer(Class<?> type) {
        for (Class<?> serialized : custom) {
            if (serialized.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJdk(Class<?> type) {
        String name = type.getPackageName();
        for (String prefix : new String[] {"java", "javax", "jdk", "sun", "com.sun"}) {
            if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType array) {
            return java.lang.reflect.Array.newInstance(raw(array.getGenericComponentType()), 0).getClass();
        }
        if (type instanceof WildcardType wildcard) {
            return raw(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> variable) {
            return raw(variable.getBounds()[0]);
        }
        return Object.class;
    }

    private static Type componentType(Type type) {
        return type instanceof GenericArrayType array ? array.getGenericComponentType()
                : raw(type).getComponentType();
    }

    private static Type[] arguments(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
