package dev.cdiasync.impl;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.Decorator;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.invoke.Invoker;
import jakarta.enterprise.invoke.InvokerBuilder;
import jakarta.interceptor.Interceptor;

/**
 * What the beans declare with {@code @Async} and {@code @OnDone}, collected bean by bean during
 * discovery, and the checks that need only the declarations themselves (shape of each method, task
 * names, future types). Checks that need bean resolution (executors, injected parameters) are made
 * at deployment validation by {@link AsyncExtension}.
 */
final class Declarations {

    /** The priority of an {@code @OnDone} method without {@code @Priority}. */
    static final int DEFAULT_CALLBACK_PRIORITY = Interceptor.Priority.APPLICATION + 500;

    /** An {@code @Async} method of a bean, not yet bound to its executor and callbacks. */
    record AsyncMethod(AnnotatedMethod<?> annotated, Class<?> beanClass, String taskName, boolean defaultName,
            String executorName, Type resultType) {
        Method method() {
            return annotated.getJavaMember();
        }
    }

    /**
     * An {@code @OnDone} method of a bean, with its invoker: built with instance lookup for a
     * {@code @Dependent} bean (created and destroyed per call), without for others (called on their
     * contextual reference), and with argument lookup for every parameter after the future.
     */
    record CallbackMethod(AnnotatedMethod<?> annotated, Bean<?> bean, Invoker<Object, ?> invoker, int priority,
            String taskName) {
        Method method() {
            return annotated.getJavaMember();
        }

        boolean looksUpInstance() {
            return bean.getScope() == Dependent.class;
        }

        String description() {
            return Names.method(method());
        }
    }

    final List<AsyncMethod> asyncMethods = new ArrayList<>();
    final List<CallbackMethod> callbackMethods = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    /* Interfaces already checked: each mistake there is reported once, however many beans implement it. */
    private final Set<Class<?>> reportedInterfaces = new HashSet<>();

    /** Collects and checks the declarations of one managed bean. */
    <X> void collect(ProcessManagedBean<X> event) {
        Bean<X> bean = event.getBean();
        AnnotatedType<X> type = event.getAnnotatedBeanClass();
        if (bean instanceof jakarta.enterprise.inject.spi.Interceptor<?> || bean instanceof Decorator<?>) {
            rejectOnInterceptor(type, bean instanceof Decorator<?> ? "a decorator" : "an interceptor");
            return;
        }
        rejectOnInterfaces(type.getJavaClass());
        Async onClass = type.getAnnotation(Async.class);
        boolean declares = false;
        for (AnnotatedMethod<? super X> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            if (method.isBridge() || method.isSynthetic() || isOverridden(method, type.getJavaClass())) {
                continue;
            }
            Async onMethod = annotated.getAnnotation(Async.class);
            Async async = onMethod != null ? onMethod : onClass != null && isBusinessMethod(method) ? onClass : null;
            OnDone onDone = annotated.getAnnotation(OnDone.class);
            if (async != null && onDone != null) {
                errors.add("@OnDone on '" + Names.method(method) + "': the method is also @Async"
                        + (onMethod == null ? " (through @Async on class " + type.getJavaClass().getName() + ")" : "")
                        + "; a callback must run when a future is done, not start one. Move the callback to a"
                        + " bean that is not @Async, or remove one of the annotations.");
                continue;
            }
            if (async != null) {
                collectAsync(annotated, type.getJavaClass(), async, onMethod == null);
            }
            if (onDone != null) {
                collectCallback(event, bean, annotated, onDone);
            }
            declares |= async != null || onDone != null;
        }
        if (declares && Modifier.isFinal(type.getJavaClass().getModifiers())) {
            errors.add("Class " + type.getJavaClass().getName() + " declares @Async or @OnDone methods but is final"
                    + (type.getJavaClass().isRecord() ? " (a record)" : "") + ", so the container cannot intercept"
                    + " them. Remove final, or move the methods to a class that is not final.");
        }
    }

    /*
     * Interceptors and decorators have no business methods of their own: an annotated method there is
     * never called. (On the class, @Async is an interceptor's binding, as on our own interceptor.)
     */
    private void rejectOnInterceptor(AnnotatedType<?> type, String what) {
        for (AnnotatedMethod<?> annotated : type.getMethods()) {
            for (Class<? extends Annotation> annotation : List.of(Async.class, OnDone.class)) {
                if (annotated.isAnnotationPresent(annotation)) {
                    errors.add("@" + annotation.getSimpleName() + " on '" + Names.method(annotated.getJavaMember())
                            + "': the class is " + what + ", whose methods are never called as business methods."
                            + " Move the method to a bean.");
                }
            }
        }
    }

    /*
     * CDI takes no interceptor binding from an interface, so @Async there would silently run
     * synchronously, and @OnDone there would never be found: both are mistakes to report.
     */
    private void rejectOnInterfaces(Class<?> beanClass) {
        Set<Class<?>> interfaces = new LinkedHashSet<>();
        for (Class<?> c = beanClass; c != null; c = c.getSuperclass()) {
            collectInterfaces(c, interfaces);
        }
        for (Class<?> type : interfaces) {
            if (!reportedInterfaces.add(type)) {
                continue;
            }
            if (type.isAnnotationPresent(Async.class)) {
                errors.add("@Async on interface " + type.getName() + ": CDI takes no interceptor binding from an"
                        + " interface, so its methods would run synchronously. Put @Async on the implementing"
                        + " class " + beanClass.getName() + " or on its methods.");
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Async.class)) {
                    errors.add("@Async on '" + Names.method(method) + "': CDI takes no interceptor binding from an"
                            + " interface method, so it would run synchronously. Put @Async on the implementing"
                            + " method of " + beanClass.getName() + " or on its class.");
                }
                if (method.isAnnotationPresent(OnDone.class)) {
                    errors.add("@OnDone on '" + Names.method(method) + "': callbacks are found on bean classes, not on"
                            + " interfaces, so it would never be called. Put @OnDone on the implementing method of "
                            + beanClass.getName() + ".");
                }
            }
        }
    }

    private static void collectInterfaces(Class<?> type, Set<Class<?>> into) {
        for (Class<?> implemented : type.getInterfaces()) {
            if (into.add(implemented)) {
                collectInterfaces(implemented, into);
            }
        }
    }

    /*
     * Whether a class between the bean class and the method's declaring class overrides the method.
     * Weld lists an overridden superclass method beside its override; like an observer method, an
     * @OnDone or @Async method is inherited only where no subclass overrides it.
     */
    static boolean isOverridden(Method method, Class<?> beanClass) {
        Class<?> declaring = method.getDeclaringClass();
        int modifiers = method.getModifiers();
        if (declaring == beanClass || Modifier.isPrivate(modifiers) || Modifier.isStatic(modifiers)) {
            return false;
        }
        boolean packagePrivate = !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers);
        for (Class<?> c = beanClass; c != null && c != declaring; c = c.getSuperclass()) {
            try {
                Method candidate = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
                int candidateModifiers = candidate.getModifiers();
                if (!Modifier.isPrivate(candidateModifiers) && !Modifier.isStatic(candidateModifiers)
                        && (!packagePrivate || c.getPackageName().equals(declaring.getPackageName()))) {
                    return true;
                }
            } catch (NoSuchMethodException e) {
                // not redeclared here
            }
        }
        return false;
    }

    /* A method a class-level @Async applies to: what CDI would intercept, less those of Object. */
    private static boolean isBusinessMethod(Method method) {
        int modifiers = method.getModifiers();
        return !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)
                && method.getDeclaringClass() != Object.class && !overridesObjectMethod(method);
    }

    private static boolean overridesObjectMethod(Method method) {
        try {
            Object.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private void collectAsync(AnnotatedMethod<?> annotated, Class<?> beanClass, Async async, boolean fromClass) {
        Method method = annotated.getJavaMember();
        String where = "@Async on '" + Names.method(method) + "'"
                + (fromClass ? " (through @Async on class " + beanClass.getName() + ")" : "") + ": ";
        int modifiers = method.getModifiers();
        boolean valid = true;
        if (Modifier.isPrivate(modifiers)) {
            errors.add(where + "the method is private, and CDI intercepts no private method, so it would run"
                    + " synchronously. Make it package-private, protected or public.");
            valid = false;
        }
        if (Modifier.isStatic(modifiers)) {
            errors.add(where + "the method is static, and CDI intercepts no static method, so it would run"
                    + " synchronously. Make it an instance method.");
            valid = false;
        }
        if (Modifier.isFinal(modifiers)) {
            errors.add(where + "the method is final, so it cannot be intercepted and would run synchronously."
                    + " Remove final.");
            valid = false;
        }
        Class<?> returned = method.getReturnType();
        if (returned != void.class && !Types.FUTURES.contains(returned)) {
            errors.add(where + "it returns " + Names.type(method.getGenericReturnType()) + ", which an asynchronous"
                    + " call cannot return at once. Declare void, Future<T>, CompletableFuture<T>,"
                    + " CompletionStage<T> or AsyncFuture<T>, for example CompletableFuture<"
                    + Names.type(box(method.getGenericReturnType())) + "> returning"
                    + " CompletableFuture.completedFuture(value).");
            valid = false;
        }
        if (valid) {
            boolean defaultName = async.task().isEmpty();
            String task = defaultName ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : async.task();
            asyncMethods.add(new AsyncMethod(annotated, beanClass, task, defaultName, async.executor(),
                    Types.resultType(annotated.getBaseType())));
        }
    }

    private static Type box(Type type) {
        if (type instanceof Class<?> c && c.isPrimitive()) {
            return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
        }
        return type;
    }

    @SuppressWarnings("unchecked")
    private <X> void collectCallback(ProcessManagedBean<X> event, Bean<X> bean, AnnotatedMethod<? super X> annotated,
            OnDone onDone) {
        Method method = annotated.getJavaMember();
        String where = "@OnDone on '" + Names.method(method) + "': ";
        int modifiers = method.getModifiers();
        boolean valid = true;
        if (Modifier.isPrivate(modifiers)) {
            errors.add(where + "the method is private, so the container cannot call it. Make it package-private,"
                    + " protected or public.");
            valid = false;
        }
        if (Modifier.isStatic(modifiers)) {
            errors.add(where + "the method is static, so the bean's interceptors would not apply to it. Make"
                    + " it an instance method.");
            valid = false;
        }
        if (Modifier.isFinal(modifiers)) {
            errors.add(where + "the method is final, so the bean's proxy cannot forward it to the bean instance"
                    + " nor apply the bean's interceptors. Remove final.");
            valid = false;
        }
        if (onDone.task().isBlank()) {
            errors.add(where + "task is empty. Set task to the name of an @Async task: its @Async task, or"
                    + " SimpleClassName.methodName of the method.");
            valid = false;
        }
        if (method.getParameterCount() == 0) {
            errors.add(where + "the method has no parameter to receive the future. Declare the future as its first"
                    + " parameter, for example 'void " + method.getName() + "(AsyncFuture<?> future)'.");
            valid = false;
        } else if (!Types.FUTURES.contains(method.getParameterTypes()[0])) {
            errors.add(where + "its first parameter is " + Names.type(method.getGenericParameterTypes()[0])
                    + ", not a future. Declare the first parameter as Future, CompletableFuture,"
                    + " CompletionStage or AsyncFuture of the task's result type; further parameters are"
                    + " injected.");
            valid = false;
        }
        if (!valid) {
            return;
        }
        Priority priority = annotated.getAnnotation(Priority.class);
        InvokerBuilder<Invoker<X, ?>> builder = event.createInvoker((AnnotatedMethod<? super X>) annotated);
        if (bean.getScope() == Dependent.class) {
            builder.withInstanceLookup();
        }
        for (int i = 1; i < method.getParameterCount(); i++) {
            builder.withArgumentLookup(i);
        }
        Invoker<Object, ?> invoker = (Invoker<Object, ?>) (Invoker<?, ?>) builder.build();
        callbackMethods.add(new CallbackMethod(annotated, bean, invoker,
                priority != null ? priority.value() : DEFAULT_CALLBACK_PRIORITY, onDone.task()));
    }

    /**
     * Checks each callback against the tasks it names: the name must be a task's, and the future
     * parameter must fit the result type of every method of that task.
     */
    void checkTasks() {
        Map<String, List<AsyncMethod>> tasks = tasks();
        checkDefaultNames(tasks);
        for (CallbackMethod callback : callbackMethods) {
            Method method = callback.method();
            String where = "@OnDone on '" + Names.method(method) + "': ";
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
            Type parameter = method.getGenericParameterTypes()[0];
            if (!(parameter instanceof ParameterizedType future)) {
                continue; // raw: takes any result
            }
            Type declared = future.getActualTypeArguments()[0];
            for (AsyncMethod async : methods) {
                if (!Types.accepts(declared, async.resultType())) {
                    errors.add(where + "its first parameter " + Names.type(parameter) + " cannot receive the futures"
                            + " of task '" + callback.taskName() + "', whose method '" + Names.method(async.method())
                            + "' has result type " + Names.type(async.resultType()) + ". Declare "
                            + Names.type(future.getRawType()) + "<" + Names.type(async.resultType()) + "> or "
                            + Names.type(future.getRawType()) + "<?>.");
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
            Map<Class<?>, Method> byClass = new LinkedHashMap<>();
            for (AsyncMethod async : methods) {
                if (async.defaultName()) {
                    byClass.putIfAbsent(async.method().getDeclaringClass(), async.method());
                }
            }
            if (byClass.size() > 1) {
                Set<String> clashing = new TreeSet<>();
                byClass.values().forEach(method -> clashing.add("'" + Names.method(method) + "'"));
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


    /** The errors found so far, each naming the method and what to change, in a stable order. */
    List<String> errors() {
        List<String> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.naturalOrder());
        return sorted;
    }
}
