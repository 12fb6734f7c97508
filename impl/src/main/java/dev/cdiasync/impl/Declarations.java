package dev.cdiasync.impl;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.InvokerFactory;
import jakarta.enterprise.inject.build.compatible.spi.InvokerInfo;
import jakarta.enterprise.invoke.InvokerBuilder;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.MethodInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.interceptor.Interceptor;

/**
 * What the beans declare with {@code @Async} and {@code @OnDone}, collected bean by bean at build
 * time on the language model, and the checks of those declarations. Each mistake is kept as a
 * message that names the method and says what to change; all are reported together at validation.
 */
final class Declarations {

    /** The priority of an {@code @OnDone} method without {@code @Priority}. */
    static final int DEFAULT_CALLBACK_PRIORITY = Interceptor.Priority.APPLICATION + 500;

    private static final int BRIDGE = 0x40;
    private static final int SYNTHETIC = 0x1000;

    /** An {@code @Async} method of a bean class. */
    record AsyncMethod(ClassInfo beanClass, MethodInfo method, InvokerInfo invoker, String key, String description,
            String taskName, boolean defaultName, String executorName, Types.Ty resultType, String resultText,
            boolean returnsVoid) {
    }

    /** An {@code @OnDone} method of a bean, with its invoker. */
    record CallbackMethod(BeanInfo bean, MethodInfo method, InvokerInfo invoker, boolean looksUpInstance,
            String description, int priority, String taskName) {
    }

    final List<AsyncMethod> asyncMethods = new ArrayList<>();
    final List<CallbackMethod> callbackMethods = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /* Interfaces already checked: each mistake there is reported once, however many beans implement it. */
    private final Set<String> reportedInterfaces = new HashSet<>();
    /* The methods each class declares itself (the language model lists inherited ones too). */
    private final Map<String, List<MethodInfo>> declared = new HashMap<>();

    /**
     * Collects and checks the declarations of one bean. Only class beans have business methods of
     * their own; interceptors and decorators are checked for misplaced annotations.
     *
     * @param lookUpAll whether every callback invoker looks its bean instance up (where the container
     *                  resolves that lookup at build time, so that it costs nothing per call and keeps
     *                  the bean from being removed as unused), rather than only those of
     *                  {@code @Dependent} beans
     */
    void collect(BeanInfo bean, InvokerFactory invokers, boolean lookUpAll) {
        if (!bean.isClassBean()) {
            return;
        }
        ClassInfo type = bean.declaringClass();
        if (bean.isInterceptor() || type.hasAnnotation(Decorator.class)) {
            rejectOnInterceptor(type, bean.isInterceptor() ? "an interceptor" : "a decorator");
            return;
        }
        rejectOnInterfaces(type);
        AnnotationInfo onClass = classLevelAsync(type);
        boolean declares = false;
        for (MethodInfo method : type.methods()) {
            if (method.isAbstract() && !method.declaringClass().isInterface()) {
                rejectOnAbstract(method, type);
                continue;
            }
            boolean inheritedDefault = onClass != null && isInheritedDefault(method, type);
            if (!inheritedDefault && !isCandidate(method) || isOverridden(method, type)) {
                continue;
            }
            AnnotationInfo onMethod = method.annotation(Async.class);
            AnnotationInfo async = onMethod != null ? onMethod : onClass != null && isBusinessMethod(method) ? onClass : null;
            AnnotationInfo onDone = inheritedDefault ? null : method.annotation(OnDone.class);
            if (async != null && onDone != null) {
                errors.add("@OnDone on '" + Names.method(method) + "': the method is also @Async"
                        + (onMethod == null ? " (through @Async on class " + type.name() + ")" : "")
                        + "; a callback must run when a future is done, not start one. Move the callback to a"
                        + " bean that is not @Async, or remove one of the annotations.");
                continue;
            }
            if (async != null) {
                collectAsync(bean, method, type, async, onMethod == null, invokers);
            }
            if (onDone != null) {
                collectCallback(bean, method, onDone, invokers, lookUpAll);
            }
            declares |= async != null || onDone != null;
        }
        if (declares && type.isFinal()) {
            errors.add("Class " + type.name() + " declares @Async or @OnDone methods but is final"
                    + (type.isRecord() ? " (a record)" : "") + ", so the container cannot intercept"
                    + " them. Remove final, or move the methods to a class that is not final.");
        }
    }

    /* Methods of the class and its superclasses that can be business methods: not constructors, bridges or synthetic. */
    private static boolean isCandidate(MethodInfo method) {
        ClassInfo declaring = method.declaringClass();
        return !method.isConstructor() && (method.modifiers() & (BRIDGE | SYNTHETIC)) == 0 && !declaring.isInterface()
                && !declaring.name().equals(Types.OBJECT) && !method.name().equals("<clinit>");
    }

    /*
     * A default method of an interface that no class of the bean overrides: a class-level @Async
     * applies to it too, since the container intercepts it.
     */
    private boolean isInheritedDefault(MethodInfo method, ClassInfo beanClass) {
        if (!method.declaringClass().isInterface() || method.isAbstract() || method.isStatic()
                || Modifier.isPrivate(method.modifiers()) || (method.modifiers() & (BRIDGE | SYNTHETIC)) != 0) {
            return false;
        }
        String signature = signature(method, beanClass);
        for (ClassInfo c = beanClass; c != null && !c.name().equals(Types.OBJECT); c = c.superClassDeclaration()) {
            for (MethodInfo candidate : declaredMethods(c)) {
                if (signature(candidate, c).equals(signature)) {
                    return false;
                }
            }
        }
        return true;
    }

    /*
     * An abstract method is never the one that runs: the implementation is, and it carries no
     * annotation of the abstract one, so @Async or @OnDone there would be silently lost.
     */
    private void rejectOnAbstract(MethodInfo method, ClassInfo beanClass) {
        for (Class<? extends java.lang.annotation.Annotation> annotation : List.of(Async.class, OnDone.class)) {
            if (method.hasAnnotation(annotation)) {
                errors.add("@" + annotation.getSimpleName() + " on '" + Names.method(method) + "': the method is"
                        + " abstract, and the container takes the annotation from the method that runs, the"
                        + " implementation in " + beanClass.name() + " or its superclasses, which lacks it. Put @"
                        + annotation.getSimpleName() + " on the implementing method.");
            }
        }
    }

    /* @Async on the class or, being @Inherited, on a superclass. */
    private static AnnotationInfo classLevelAsync(ClassInfo type) {
        for (ClassInfo c = type; c != null; c = c.superClassDeclaration()) {
            AnnotationInfo async = c.annotation(Async.class);
            if (async != null) {
                return async;
            }
        }
        return null;
    }

    /*
     * Interceptors and decorators have no business methods of their own: an annotated method there is
     * never called. (On the class, @Async is an interceptor's binding, as on our own interceptor.)
     */
    private void rejectOnInterceptor(ClassInfo type, String what) {
        for (MethodInfo method : type.methods()) {
            for (Class<? extends java.lang.annotation.Annotation> annotation : List.of(Async.class, OnDone.class)) {
                if (method.hasAnnotation(annotation)) {
                    errors.add("@" + annotation.getSimpleName() + " on '" + Names.method(method) + "': the class is "
                            + what + ", whose methods are never called as business methods. Move the method to a"
                            + " bean.");
                }
            }
        }
    }

    /*
     * CDI takes no interceptor binding from an interface, so @Async there would silently run
     * synchronously, and @OnDone there would never be found: both are mistakes to report.
     */
    private void rejectOnInterfaces(ClassInfo beanClass) {
        Map<String, ClassInfo> interfaces = new LinkedHashMap<>();
        for (ClassInfo c = beanClass; c != null; c = c.superClassDeclaration()) {
            collectInterfaces(c, interfaces);
        }
        for (ClassInfo type : interfaces.values()) {
            if (!reportedInterfaces.add(type.name())) {
                continue;
            }
            if (type.hasAnnotation(Async.class)) {
                errors.add("@Async on interface " + type.name() + ": CDI takes no interceptor binding from an"
                        + " interface, so its methods would run synchronously. Put @Async on the implementing"
                        + " class " + beanClass.name() + " or on its methods.");
            }
            for (MethodInfo method : declaredMethods(type)) {
                if (method.hasAnnotation(Async.class)) {
                    errors.add("@Async on '" + Names.method(method) + "': CDI takes no interceptor binding from an"
                            + " interface method, so it would run synchronously. Put @Async on the implementing"
                            + " method of " + beanClass.name() + " or on its class.");
                }
                if (method.hasAnnotation(OnDone.class)) {
                    errors.add("@OnDone on '" + Names.method(method) + "': callbacks are found on bean classes, not on"
                            + " interfaces, so it would never be called. Put @OnDone on the implementing method of "
                            + beanClass.name() + ".");
                }
            }
        }
    }

    private static void collectInterfaces(ClassInfo type, Map<String, ClassInfo> into) {
        for (ClassInfo implemented : type.superInterfacesDeclarations()) {
            if (into.putIfAbsent(implemented.name(), implemented) == null) {
                collectInterfaces(implemented, into);
            }
        }
    }

    /* The methods a class declares itself: the language model's methods() lists inherited ones too. */
    private List<MethodInfo> declaredMethods(ClassInfo type) {
        return declared.computeIfAbsent(type.name(), name -> {
            List<MethodInfo> own = new ArrayList<>();
            for (MethodInfo method : type.methods()) {
                if (method.declaringClass().name().equals(name) && (method.modifiers() & (BRIDGE | SYNTHETIC)) == 0) {
                    own.add(method);
                }
            }
            return own;
        });
    }

    /*
     * Whether a class between the bean class and the method's declaring class overrides the method.
     * The language model lists an overridden superclass method beside its override; like an observer
     * method, an @OnDone or @Async method is inherited only where no subclass overrides it.
     */
    private boolean isOverridden(MethodInfo method, ClassInfo beanClass) {
        ClassInfo declaring = method.declaringClass();
        int modifiers = method.modifiers();
        if (declaring.name().equals(beanClass.name()) || Modifier.isPrivate(modifiers) || method.isStatic()) {
            return false;
        }
        boolean packagePrivate = !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers);
        for (ClassInfo c = beanClass; c != null && !c.name().equals(declaring.name()); c = c.superClassDeclaration()) {
            // Compared as the subclass sees the method: void done(H) of Base<H> is void done(String)
            // from a class that extends Base<String>.
            String signature = signature(method, c);
            for (MethodInfo candidate : declaredMethods(c)) {
                if (signature(candidate, c).equals(signature) && !Modifier.isPrivate(candidate.modifiers())
                        && !candidate.isStatic() && (!packagePrivate || packageOf(c).equals(packageOf(declaring)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /* name(erased parameter types) of a method, its type variables as the class 'viewer' binds them. */
    private static String signature(MethodInfo method, ClassInfo viewer) {
        StringBuilder signature = new StringBuilder(method.name()).append('(');
        for (var parameter : method.parameters()) {
            Types.Ty type = Types.asSeenFrom(Types.of(parameter.type()), viewer, method.declaringClass());
            signature.append(Types.erasure(type)).append(',');
        }
        return signature.append(')').toString();
    }

    private static String packageOf(ClassInfo type) {
        int dot = type.name().lastIndexOf('.');
        return dot < 0 ? "" : type.name().substring(0, dot);
    }

    /* A method a class-level @Async applies to: what CDI would intercept, less those of Object. */
    private static boolean isBusinessMethod(MethodInfo method) {
        return !Modifier.isPrivate(method.modifiers()) && !method.isStatic() && !overridesObjectMethod(method);
    }

    private static boolean overridesObjectMethod(MethodInfo method) {
        String signature = Names.key(method).substring(Names.key(method).indexOf('#'));
        return Set.of("#toString()", "#hashCode()", "#equals(java.lang.Object)", "#clone()", "#finalize()")
                .contains(signature);
    }

    private void collectAsync(BeanInfo bean, MethodInfo method, ClassInfo beanClass, AnnotationInfo async,
            boolean fromClass, InvokerFactory invokers) {
        String where = "@Async on '" + Names.method(method) + "'"
                + (fromClass ? " (through @Async on class " + beanClass.name() + ")" : "") + ": ";
        int modifiers = method.modifiers();
        boolean valid = true;
        if (Modifier.isPrivate(modifiers)) {
            errors.add(where + "the method is private, and CDI intercepts no private method, so it would run"
                    + " synchronously. Make it package-private, protected or public.");
            valid = false;
        }
        if (method.isStatic()) {
            errors.add(where + "the method is static, and CDI intercepts no static method, so it would run"
                    + " synchronously. Make it an instance method.");
            valid = false;
        }
        if (method.isFinal()) {
            errors.add(where + "the method is final, so it cannot be intercepted and would run synchronously."
                    + " Remove final.");
            valid = false;
        }
        if (!Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers) && !Modifier.isPrivate(modifiers)
                && !method.declaringClass().isInterface() && !packageOf(method.declaringClass()).equals(packageOf(beanClass))) {
            errors.add(where + "the method is package-private in " + packageOf(method.declaringClass()) + ", and the"
                    + " bean class " + beanClass.name() + " is in another package, so the container cannot intercept"
                    + " it and it would run synchronously. Make it protected or public.");
            valid = false;
        }
        Type returned = method.returnType();
        if (!returned.isVoid() && !Types.isFuture(returned)) {
            errors.add(where + "it returns " + Names.type(returned) + ", which an asynchronous call cannot return at"
                    + " once. Declare void, Future<T>, CompletableFuture<T>, CompletionStage<T> or AsyncFuture<T>,"
                    + " for example CompletableFuture<" + Types.boxed(returned) + "> returning"
                    + " CompletableFuture.completedFuture(value).");
            valid = false;
        }
        if (valid) {
            String task = string(async, "task");
            boolean defaultName = task.isEmpty();
            if (defaultName) {
                task = method.declaringClass().simpleName() + "." + method.name();
            }
            // The invoker runs the body of a call that arrives from another process (see RemoteExecutor).
            InvokerInfo invoker = invokers.createInvoker(bean, method).build();
            // The result type as the bean sees it: T of Loader<T> is String for a bean that extends Loader<String>.
            Types.Ty result = Types.asSeenFrom(Types.resultType(returned), beanClass, method.declaringClass());
            asyncMethods.add(new AsyncMethod(beanClass, method, invoker, Names.key(method), Names.method(method), task,
                    defaultName, string(async, "executor"), result, Types.describe(result), returned.isVoid()));
        }
    }

    private void collectCallback(BeanInfo bean, MethodInfo method, AnnotationInfo onDone, InvokerFactory invokers,
            boolean lookUpAll) {
        String where = "@OnDone on '" + Names.method(method) + "': ";
        int modifiers = method.modifiers();
        boolean valid = true;
        if (Modifier.isPrivate(modifiers)) {
            errors.add(where + "the method is private, so the container cannot call it. Make it package-private,"
                    + " protected or public.");
            valid = false;
        }
        if (method.isStatic()) {
            errors.add(where + "the method is static, so the bean's interceptors would not apply to it. Make"
                    + " it an instance method.");
            valid = false;
        }
        if (method.isFinal()) {
            errors.add(where + "the method is final, so the bean's proxy cannot forward it to the bean instance"
                    + " nor apply the bean's interceptors. Remove final.");
            valid = false;
        }
        String task = string(onDone, "task");
        if (task.isBlank()) {
            errors.add(where + "task is empty. Set task to the name of an @Async task: its @Async task, or"
                    + " SimpleClassName.methodName of the method.");
            valid = false;
        }
        if (method.parameters().isEmpty()) {
            errors.add(where + "the method has no parameter to receive the future. Declare the future as its first"
                    + " parameter, for example 'void " + method.name() + "(AsyncFuture<?> future)'.");
            valid = false;
        } else if (!Types.isFuture(method.parameters().get(0).type())) {
            errors.add(where + "its first parameter is " + Names.type(method.parameters().get(0).type())
                    + ", not a future. Declare the first parameter as Future, CompletableFuture,"
                    + " CompletionStage or AsyncFuture of the task's result type; further parameters are"
                    + " injected.");
            valid = false;
        }
        for (int i = 1; i < method.parameters().size(); i++) {
            Type injected = method.parameters().get(i).type();
            if (Types.isOpen(Types.of(injected))) {
                errors.add(where + "parameter " + (i + 1) + " of type " + Names.type(injected) + " is a type variable, or"
                        + " mentions one, so the container cannot inject it. Declare a concrete type.");
                valid = false;
            }
        }
        if (!valid) {
            return;
        }
        AnnotationInfo priority = method.annotation(Priority.class);
        boolean lookUp = lookUpAll || bean.scope().name().equals("jakarta.enterprise.context.Dependent");
        InvokerBuilder<InvokerInfo> builder = invokers.createInvoker(bean, method);
        if (lookUp) {
            builder.withInstanceLookup();
        }
        for (int i = 1; i < method.parameters().size(); i++) {
            builder.withArgumentLookup(i);
        }
        callbackMethods.add(new CallbackMethod(bean, method, builder.build(), lookUp, Names.method(method),
                priority != null ? priority.value().asInt() : DEFAULT_CALLBACK_PRIORITY, task));
    }

    /* A string member, or empty where the annotation leaves it at its default. */
    private static String string(AnnotationInfo annotation, String member) {
        return annotation.hasMember(member) ? annotation.member(member).asString() : "";
    }

    /**
     * Checks each callback against the tasks it names, and the default task names against each other:
     * the name must be a task's, and the future parameter must fit the result type of every method of
     * that task.
     */
    void checkTasks() {
        Map<String, List<AsyncMethod>> tasks = tasks();
        checkDefaultNames(tasks);
        for (CallbackMethod callback : callbackMethods) {
            String where = "@OnDone on '" + callback.description() + "': ";
            List<AsyncMethod> methods = tasks.get(callback.taskName());
            if (methods == null) {
                String closest = Names.closest(callback.taskName(), tasks.keySet());
                errors.add(where + "no @Async task is named '" + callback.taskName() + "'"
                        + (closest != null ? "; did you mean '" + closest + "'?" : ".")
                        + " Set task to the name of an @Async task: its @Async task, or SimpleClassName.methodName"
                        + " of the method. Known tasks: " + (tasks.isEmpty() ? "none" : new TreeSet<>(tasks.keySet()))
                        + ".");
                continue;
            }
            Type parameter = callback.method().parameters().get(0).type();
            if (!parameter.isParameterizedType()) {
                continue; // raw: takes any result
            }
            Types.Ty declared = Types.of(parameter.asParameterizedType().typeArguments().get(0));
            String future = parameter.asParameterizedType().declaration().simpleName();
            for (AsyncMethod async : methods) {
                if (!Types.accepts(declared, async.resultType())) {
                    errors.add(where + "its first parameter " + Names.type(parameter) + " cannot receive the futures"
                            + " of task '" + callback.taskName() + "', whose method '" + async.description()
                            + "' has result type " + async.resultText() + ". Declare " + future + "<"
                            + async.resultText() + "> or " + future + "<?>.");
                }
            }
        }
    }

    /*
     * A default name is SimpleClassName.methodName, so two classes of one simple name in two packages
     * would share it by accident, and each one's callbacks would hear the other's calls. An explicit
     * shared name is a choice, and overloads (or one method that several beans inherit) are the same
     * class's, so both stay allowed.
     */
    private void checkDefaultNames(Map<String, List<AsyncMethod>> tasks) {
        tasks.forEach((task, methods) -> {
            Map<String, String> byClass = new LinkedHashMap<>();
            for (AsyncMethod async : methods) {
                if (async.defaultName()) {
                    byClass.putIfAbsent(async.method().declaringClass().name(), async.description());
                }
            }
            if (byClass.size() > 1) {
                Set<String> clashing = new TreeSet<>();
                byClass.values().forEach(method -> clashing.add("'" + method + "'"));
                errors.add("@Async on " + String.join(" and ", clashing) + ": these methods of different classes"
                        + " have the same default task name '" + task + "' (SimpleClassName.methodName), so the"
                        + " callbacks of that name would hear all of them. Give them explicit names, for example"
                        + " @Async(task = \"" + task + "\") on the one the callbacks mean and another task name on"
                        + " the others.");
            }
        });
    }

    /** The @Async methods by task name, in a stable order. */
    Map<String, List<AsyncMethod>> tasks() {
        Map<String, List<AsyncMethod>> tasks = new LinkedHashMap<>();
        for (AsyncMethod async : asyncMethods) {
            tasks.computeIfAbsent(async.taskName(), name -> new ArrayList<>()).add(async);
        }
        return tasks;
    }

    /** The executor names the @Async methods use, each with the methods that use it. */
    Map<String, List<AsyncMethod>> executorNames() {
        Map<String, List<AsyncMethod>> names = new LinkedHashMap<>();
        for (AsyncMethod async : asyncMethods) {
            names.computeIfAbsent(async.executorName(), name -> new ArrayList<>()).add(async);
        }
        return names;
    }

    void error(String message) {
        errors.add(message);
    }

    /** The errors found, each naming the method and what to change, in a stable order. */
    Collection<String> errors() {
        return new TreeSet<>(errors);
    }
}
