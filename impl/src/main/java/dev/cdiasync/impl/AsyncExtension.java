package dev.cdiasync.impl;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.Discovery;
import jakarta.enterprise.inject.build.compatible.spi.InvokerFactory;
import jakarta.enterprise.inject.build.compatible.spi.InvokerInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.ScannedClasses;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanDisposer;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticObserver;
import jakarta.enterprise.inject.build.compatible.spi.Validation;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.invoke.Invoker;
import jakarta.enterprise.lang.model.AnnotationInfo;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.types.Type;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/**
 * The CDI Lite extension behind {@code @Async} and {@code @OnDone}, service-loaded, so that the same
 * jar runs on every CDI 4.1 container: Weld (SE and Jakarta EE servers) and Quarkus. At build time
 * it finds and checks every declaration on the language model, builds a CDI 4.1 invoker for each
 * callback, and hands all of it to run time through one synthetic observer per bean class; it adds
 * the library's interceptor and beans itself and, unless the application declares one, the default
 * executor. At run time the {@link Registry} gathers what the observers hold and serves the calls.
 *
 * <p>Its nested classes are public only because the containers instantiate them; they are not API.
 */
public class AsyncExtension implements BuildCompatibleExtension {

    /**
     * The priority of the interceptor that makes {@code @Async} calls asynchronous:
     * {@code Interceptor.Priority.PLATFORM_BEFORE}, the outermost, so that every other interceptor
     * of the method runs on the worker thread with the body.
     */
    public static final int ASYNC_INTERCEPTOR_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

    private static final String EXECUTOR = "java.util.concurrent.Executor";
    private static final String QUARKUS = "io.quarkus.arc.Arc";

    private final Declarations declarations = new Declarations();
    /* The application's executor beans by name ("" for the default one). */
    private final Map<String, List<BeanInfo>> executors = new TreeMap<>();

    /**
     * Fails at once, with one clear message, on a container older than CDI 4.1: the library calls
     * callbacks through CDI 4.1 method invokers, and a CDI 4.0 container would otherwise fail with
     * a raw linkage error while reading this class's methods.
     */
    public AsyncExtension() {
        try {
            Class.forName("jakarta.enterprise.invoke.Invoker", false, AsyncExtension.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new DeploymentException("cdi-async needs CDI 4.1 (Jakarta EE 11), for its method invokers, and this"
                    + " container provides " + cdiVersion() + ". Run on a CDI 4.1 container (Weld 6, WildFly Preview,"
                    + " GlassFish 8, Quarkus 3), or remove cdi-async from the deployment.");
        }
    }

    /*
     * The container runs build compatible extensions but has no method invokers: CDI 4.0. The API
     * jar's Maven metadata, where present, gives the exact version.
     */
    private static String cdiVersion() {
        Properties maven = new Properties();
        try (InputStream in = BuildCompatibleExtension.class.getResourceAsStream(
                "/META-INF/maven/jakarta.enterprise/jakarta.enterprise.cdi-api/pom.properties")) {
            if (in != null) {
                maven.load(in);
            }
        } catch (IOException | RuntimeException unreadable) {
            // the version stays "4.0"
        }
        return "CDI " + maven.getProperty("version", "4.0") + " (it has no jakarta.enterprise.invoke package)";
    }

    /** Adds the library's own beans: its jar is not a bean archive, and Quarkus does not index the API jar. */
    @Discovery
    public void discover(ScannedClasses scan) {
        for (Class<?> type : List.of(AsyncInterceptor.class, Registry.class, RequestContexts.class, Async.class,
                AsyncExecutor.class)) {
            scan.add(type.getName());
        }
    }

    /** Collects the declarations of each bean, and notices the application's executor beans. */
    @Registration(types = Object.class)
    public void register(BeanInfo bean, InvokerFactory invokers) {
        declarations.collect(bean, invokers, onQuarkus());
        for (AnnotationInfo qualifier : bean.qualifiers()) {
            if (qualifier.name().equals(AsyncExecutor.class.getName())) {
                String name = qualifier.hasValue() ? qualifier.value().asString() : "";
                if (isExecutor(bean)) {
                    executors.computeIfAbsent(name, key -> new ArrayList<>()).add(bean);
                } else {
                    declarations.error("@AsyncExecutor" + (name.isEmpty() ? "" : "(\"" + name + "\")") + " on "
                            + describe(bean) + ": the bean is not an Executor, so no @Async call can run on it. Make"
                            + " its type an Executor or ExecutorService, or remove the qualifier.");
                }
            }
        }
    }

    /*
     * ArC resolves an invoker's instance lookup at build time, so there it costs nothing per call and
     * keeps the callback's bean from being removed as unused; Weld resolves it on every call, so there
     * only @Dependent beans use it and the others are called on a contextual reference kept once.
     */
    static boolean onQuarkus() {
        try {
            Class.forName(QUARKUS, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean isExecutor(BeanInfo bean) {
        for (Type type : bean.types()) {
            if (Types.erasure(type).equals(EXECUTOR)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(BeanInfo bean) {
        if (bean.isProducerMethod()) {
            return "producer method '" + Names.method(bean.producerMethod()) + "'";
        }
        if (bean.isProducerField()) {
            return "producer field '" + bean.declaringClass().name() + "#" + bean.producerField().name() + "'";
        }
        return "bean class " + bean.declaringClass().name();
    }

    /**
     * Hands the declarations to run time, one synthetic observer per bean class, declared on that
     * class: on Quarkus its generated class, and the invokers it creates, then live in the
     * application's class loader, which can see the classes generated for the application. Adds the
     * default executor unless the application declares its own.
     */
    @Synthesis
    public void synthesize(SyntheticComponents components) {
        if (!executors.containsKey("")) {
            components.addBean(ExecutorService.class)
                    .type(ExecutorService.class)
                    .type(Executor.class)
                    .qualifier(AsyncExecutor.Literal.DEFAULT)
                    .qualifier(Any.Literal.INSTANCE)
                    .scope(Singleton.class)
                    .withParam(DefaultExecutorCreator.QUARKUS, onQuarkus())
                    .createWith(DefaultExecutorCreator.class)
                    .disposeWith(DefaultExecutorDisposer.class);
        }
        Map<String, BeanDeclarations> byClass = new LinkedHashMap<>();
        for (Declarations.AsyncMethod async : declarations.asyncMethods) {
            byClass.computeIfAbsent(async.beanClass().name(), name -> new BeanDeclarations(async.beanClass())).async
                    .add(async);
        }
        for (Declarations.CallbackMethod callback : declarations.callbackMethods) {
            ClassInfo beanClass = callback.bean().declaringClass();
            BeanDeclarations bean = byClass.computeIfAbsent(beanClass.name(), name -> new BeanDeclarations(beanClass));
            bean.callbacks.add(callback);
            bean.qualifiers = callback.bean().qualifiers();
        }
        for (BeanDeclarations bean : byClass.values()) {
            bean.register(components);
        }
    }

    /** Reports every mistake of the deployment together, each naming the method and what to change. */
    @Validation
    public void validate(Messages messages) {
        declarations.checkTasks();
        declarations.executorNames().forEach(this::checkExecutor);
        for (String error : declarations.errors()) {
            messages.error(error);
        }
    }

    private void checkExecutor(String name, List<Declarations.AsyncMethod> methods) {
        List<BeanInfo> candidates = selected(executors.getOrDefault(name, List.of()));
        String qualifier = name.isEmpty() ? "@AsyncExecutor" : "@AsyncExecutor(\"" + name + "\")";
        for (Declarations.AsyncMethod async : methods) {
            String where = "@Async on '" + async.description() + "': ";
            if (candidates.size() > 1) {
                Set<String> beans = new TreeSet<>();
                candidates.forEach(bean -> beans.add(bean.declaringClass().name()));
                declarations.error(where + (name.isEmpty() ? "the default executor" : "executor '" + name + "'")
                        + " is ambiguous: " + candidates.size() + " Executor beans are " + qualifier + " ("
                        + String.join(", ", beans) + "). Keep one, or disable the others with @Alternative.");
            } else if (candidates.isEmpty() && !name.isEmpty()) {
                Set<String> known = new TreeSet<>(executors.keySet());
                known.remove("");
                String closest = Names.closest(name, known);
                declarations.error(where + "no executor is named '" + name + "'"
                        + (closest != null ? "; did you mean '" + closest + "'?" : ".") + " Declare a bean of type"
                        + " Executor qualified " + qualifier + ", or remove executor = \"" + name + "\" to use the"
                        + " default executor. Named executors: " + (known.isEmpty() ? "none" : known) + ".");
            }
        }
    }

    /* The beans resolution would choose among: the alternatives of the highest priority, if any is selected. */
    private static List<BeanInfo> selected(List<BeanInfo> beans) {
        Integer highest = null;
        for (BeanInfo bean : beans) {
            if (bean.isAlternative() && bean.priority() != null && (highest == null || bean.priority() > highest)) {
                highest = bean.priority();
            }
        }
        if (highest == null) {
            return beans;
        }
        List<BeanInfo> chosen = new ArrayList<>();
        for (BeanInfo bean : beans) {
            if (bean.isAlternative() && highest.equals(bean.priority())) {
                chosen.add(bean);
            }
        }
        return chosen;
    }

    /** What one bean class declares, as the parameters of its synthetic observer. */
    private static final class BeanDeclarations {
        final ClassInfo beanClass;
        final List<Declarations.AsyncMethod> async = new ArrayList<>();
        final List<Declarations.CallbackMethod> callbacks = new ArrayList<>();
        java.util.Collection<AnnotationInfo> qualifiers = List.of();

        BeanDeclarations(ClassInfo beanClass) {
            this.beanClass = beanClass;
        }

        void register(SyntheticComponents components) {
            int a = async.size();
            InvokerInfo[] asyncInvokers = new InvokerInfo[a];
            String[] keys = new String[a];
            String[] descriptions = new String[a];
            String[] tasks = new String[a];
            String[] executors = new String[a];
            boolean[] returnsVoid = new boolean[a];
            for (int i = 0; i < a; i++) {
                Declarations.AsyncMethod method = async.get(i);
                asyncInvokers[i] = method.invoker();
                keys[i] = method.key();
                descriptions[i] = method.description();
                tasks[i] = method.taskName();
                executors[i] = method.executorName();
                returnsVoid[i] = method.returnsVoid();
            }
            int c = callbacks.size();
            InvokerInfo[] invokers = new InvokerInfo[c];
            String[] callbackDescriptions = new String[c];
            String[] callbackTasks = new String[c];
            String[] declaringClasses = new String[c];
            String[] methodNames = new String[c];
            int[] priorities = new int[c];
            int[] parameterCounts = new int[c];
            boolean[] lookUps = new boolean[c];
            for (int i = 0; i < c; i++) {
                Declarations.CallbackMethod callback = callbacks.get(i);
                invokers[i] = callback.invoker();
                callbackDescriptions[i] = callback.description();
                callbackTasks[i] = callback.taskName();
                declaringClasses[i] = callback.method().declaringClass().name();
                methodNames[i] = callback.method().name();
                priorities[i] = callback.priority();
                parameterCounts[i] = callback.method().parameters().size();
                lookUps[i] = callback.looksUpInstance();
            }
            components.addObserver(Declared.class)
                    .declaringClass(beanClass)
                    .withParam(Declared.BEAN_CLASS, beanClass)
                    .withParam(Declared.QUALIFIERS, qualifiers.toArray(AnnotationInfo[]::new))
                    .withParam(Declared.ASYNC_INVOKERS, asyncInvokers)
                    .withParam(Declared.ASYNC_KEYS, keys)
                    .withParam(Declared.ASYNC_DESCRIPTIONS, descriptions)
                    .withParam(Declared.ASYNC_TASKS, tasks)
                    .withParam(Declared.ASYNC_EXECUTORS, executors)
                    .withParam(Declared.ASYNC_VOID, returnsVoid)
                    .withParam(Declared.CALLBACK_INVOKERS, invokers)
                    .withParam(Declared.CALLBACK_DESCRIPTIONS, callbackDescriptions)
                    .withParam(Declared.CALLBACK_TASKS, callbackTasks)
                    .withParam(Declared.CALLBACK_DECLARING_CLASSES, declaringClasses)
                    .withParam(Declared.CALLBACK_METHODS, methodNames)
                    .withParam(Declared.CALLBACK_PRIORITIES, priorities)
                    .withParam(Declared.CALLBACK_PARAMETER_COUNTS, parameterCounts)
                    .withParam(Declared.CALLBACK_LOOKUPS, lookUps)
                    .observeWith(DeclaredObserver.class);
            if (a > 0) {
                // Declared on the application's class, so that it hears its own module's startup (below).
                components.addObserver(Object.class)
                        .declaringClass(beanClass)
                        .qualifier(Initialized.Literal.APPLICATION)
                        .priority(Interceptor.Priority.PLATFORM_BEFORE)
                        .observeWith(WebModuleStarted.class);
            }
        }
    }

    /**
     * Resolves the executors when the application's web module starts, where a server injects the
     * {@code @Resource} fields of the beans whose producers make them. The {@link Registry}'s own
     * startup observer lives in the library jar's bean archive, which GlassFish puts in no web module:
     * it hears the startup that Weld fires at the end of its initialization, before the web module has
     * its component environment, and waits for this one if a producer returns null there. Not API.
     */
    public static final class WebModuleStarted implements SyntheticObserver<Object> {

        /** Made by the container. */
        public WebModuleStarted() {
        }

        @Override
        public void observe(EventContext<Object> context, Parameters params) {
            if (Registry.isServletContext(context.getEvent())) {
                CDI.current().select(Registry.class).get().webModuleStarted();
            }
        }
    }

    /**
     * The event the {@link Registry} fires once at startup to gather what the build found: each
     * bean class's synthetic observer adds its call sites and callbacks. Not API.
     */
    public static final class Declared {
        static final String BEAN_CLASS = "beanClass";
        static final String QUALIFIERS = "qualifiers";
        static final String ASYNC_INVOKERS = "asyncInvokers";
        static final String ASYNC_KEYS = "asyncKeys";
        static final String ASYNC_DESCRIPTIONS = "asyncDescriptions";
        static final String ASYNC_TASKS = "asyncTasks";
        static final String ASYNC_EXECUTORS = "asyncExecutors";
        static final String ASYNC_VOID = "asyncVoid";
        static final String CALLBACK_INVOKERS = "callbackInvokers";
        static final String CALLBACK_DESCRIPTIONS = "callbackDescriptions";
        static final String CALLBACK_TASKS = "callbackTasks";
        static final String CALLBACK_DECLARING_CLASSES = "callbackDeclaringClasses";
        static final String CALLBACK_METHODS = "callbackMethods";
        static final String CALLBACK_PRIORITIES = "callbackPriorities";
        static final String CALLBACK_PARAMETER_COUNTS = "callbackParameterCounts";
        static final String CALLBACK_LOOKUPS = "callbackLookups";

        final List<Registry.Site> sites = new ArrayList<>();
        final List<Registry.Callback> callbacks = new ArrayList<>();

        Declared() {
        }
    }

    /** Adds one bean class's declarations to the {@link Declared} event. Not API. */
    public static final class DeclaredObserver implements SyntheticObserver<Declared> {

        /** Made by the container. */
        public DeclaredObserver() {
        }

        @Override
        @SuppressWarnings("unchecked")
        public void observe(EventContext<Declared> context, Parameters params) {
            Declared declared = context.getEvent();
            Class<?> beanClass = params.get(Declared.BEAN_CLASS, Class.class);
            Invoker<Object, ?>[] asyncInvokers = params.get(Declared.ASYNC_INVOKERS, Invoker[].class);
            String[] keys = params.get(Declared.ASYNC_KEYS, String[].class);
            String[] descriptions = params.get(Declared.ASYNC_DESCRIPTIONS, String[].class);
            String[] tasks = params.get(Declared.ASYNC_TASKS, String[].class);
            String[] executors = params.get(Declared.ASYNC_EXECUTORS, String[].class);
            boolean[] returnsVoid = params.get(Declared.ASYNC_VOID, boolean[].class);
            for (int i = 0; i < keys.length; i++) {
                declared.sites.add(new Registry.Site(beanClass, keys[i], descriptions[i], tasks[i], executors[i],
                        returnsVoid[i], asyncInvokers[i]));
            }
            Invoker<Object, ?>[] callbackInvokers = params.get(Declared.CALLBACK_INVOKERS, Invoker[].class);
            java.lang.annotation.Annotation[] qualifiers = params.get(Declared.QUALIFIERS,
                    java.lang.annotation.Annotation[].class);
            String[] callbackDescriptions = params.get(Declared.CALLBACK_DESCRIPTIONS, String[].class);
            String[] callbackTasks = params.get(Declared.CALLBACK_TASKS, String[].class);
            String[] declaringClasses = params.get(Declared.CALLBACK_DECLARING_CLASSES, String[].class);
            String[] methods = params.get(Declared.CALLBACK_METHODS, String[].class);
            int[] priorities = params.get(Declared.CALLBACK_PRIORITIES, int[].class);
            int[] parameterCounts = params.get(Declared.CALLBACK_PARAMETER_COUNTS, int[].class);
            boolean[] lookUps = params.get(Declared.CALLBACK_LOOKUPS, boolean[].class);
            for (int i = 0; i < callbackInvokers.length; i++) {
                declared.callbacks.add(new Registry.Callback(beanClass, qualifiers, callbackTasks[i],
                        declaringClasses[i], methods[i], callbackDescriptions[i], priorities[i], parameterCounts[i],
                        callbackInvokers[i], lookUps[i]));
            }
        }
    }

    /**
     * Makes the default executor: the runtime's managed one where there is one (Quarkus's pool for
     * application work, a Jakarta EE server's default {@code ManagedExecutorService}), else the
     * library's own pool. Not API.
     */
    public static final class DefaultExecutorCreator implements SyntheticBeanCreator<ExecutorService> {
        static final String QUARKUS = "quarkus";

        /** Made by the container. */
        public DefaultExecutorCreator() {
        }

        @Override
        public ExecutorService create(Instance<Object> lookup, Parameters params) {
            return DefaultExecutor.choose(lookup, params.get(QUARKUS, Boolean.class, false));
        }
    }

    /** Shuts down the default executor if the library made it; a runtime's managed one is never touched. Not API. */
    public static final class DefaultExecutorDisposer implements SyntheticBeanDisposer<ExecutorService> {

        /** Made by the container. */
        public DefaultExecutorDisposer() {
        }

        @Override
        public void dispose(ExecutorService executor, Instance<Object> lookup, Parameters params) {
            DefaultExecutor.stopIfOwn(executor);
        }
    }
}
