package dev.cdiasync.impl;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.function.Supplier;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.CallbackFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessManagedBean;
import jakarta.enterprise.inject.spi.ProcessSyntheticBean;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

/**
 * The portable extension behind {@code @Async} and {@code @OnDone}: it registers its interceptors
 * and the default executor itself (so it works where the impl jar is not scanned, as with Weld's
 * discovery disabled), discovers and checks every declaration, prepares each call site once, and
 * drains the calls in flight when the container shuts down.
 *
 * <p>Applications that boot with discovery disabled add it by name, for example
 * {@code WeldInitiator.from(...).addExtensions(new AsyncExtension())} or
 * {@code SeContainerInitializer.newInstance().addExtensions(AsyncExtension.class)}.
 */
public class AsyncExtension implements Extension {

    /**
     * The priority of the interceptor that makes {@code @Async} calls asynchronous:
     * {@code Interceptor.Priority.PLATFORM_BEFORE}, the outermost, so that every other interceptor
     * of the method runs on the worker thread with the body.
     */
    public static final int ASYNC_INTERCEPTOR_PRIORITY = Interceptor.Priority.PLATFORM_BEFORE;

    private static final Logger LOG = Logger.getLogger("dev.cdiasync");

    private final Declarations declarations = new Declarations();
    private boolean applicationDefaultExecutor;
    private final List<String> notExecutors = new ArrayList<>();

    /* Set at deployment validation, before any call; then only read. */
    private final Routes routes = new Routes();
    private InFlight inFlight;
    private Settings settings = Settings.defaults();

    /* The default executor, if the library created it: the only executor it shuts down. */
    private ExecutorService ownExecutor;

    void registerInterceptors(@Observes BeforeBeanDiscovery event) {
        event.addAnnotatedType(AsyncInterceptor.class, AsyncInterceptor.class.getName());
        event.addAnnotatedType(RequestContexts.class, RequestContexts.class.getName());
    }

    <X> void collect(@Observes ProcessManagedBean<X> event) {
        declarations.collect(event);
    }

    /* Notices the application's executor beans: one qualified @AsyncExecutor replaces the default. */
    void noticeExecutors(@Observes ProcessBean<?> event) {
        if (event instanceof ProcessSyntheticBean<?> synthetic && synthetic.getSource() == this) {
            return;
        }
        Bean<?> bean = event.getBean();
        for (Annotation qualifier : bean.getQualifiers()) {
            if (qualifier instanceof AsyncExecutor executor) {
                if (!isExecutor(bean)) {
                    String name = executor.value().isEmpty() ? "" : "(\"" + executor.value() + "\")";
                    notExecutors.add("@AsyncExecutor" + name + " on bean " + bean + ": the bean is not an Executor,"
                            + " so no @Async call can run on it. Make its type an Executor or ExecutorService, or"
                            + " remove the qualifier.");
                } else if (executor.value().isEmpty()) {
                    applicationDefaultExecutor = true;
                }
            }
        }
    }

    private static boolean isExecutor(Bean<?> bean) {
        for (Type type : bean.getTypes()) {
            if (Executor.class.isAssignableFrom(Types.erasure(type))) {
                return true;
            }
        }
        return false;
    }

    void afterBeanDiscovery(@Observes AfterBeanDiscovery event) {
        declarations.checkTasks();
        for (String error : declarations.errors()) {
            event.addDefinitionError(new DefinitionException(error));
        }
        if (!applicationDefaultExecutor) {
            event.addBean()
                    .beanClass(AsyncExtension.class)
                    .types(ExecutorService.class, Executor.class, Object.class)
                    .qualifiers(AsyncExecutor.Literal.DEFAULT, Any.Literal.INSTANCE)
                    .scope(Singleton.class)
                    .createWith(context -> ownExecutor());
        }
    }

    void validate(@Observes AfterDeploymentValidation event, BeanManager beanManager) {
        List<String> problems = new ArrayList<>(notExecutors);
        settings = Settings.read(problems::add);
        RequestContexts requestContexts = reference(RequestContexts.class, beanManager);
        FailureReporter reporter = new FailureReporter(beanManager.getEvent().select(CallbackFailure.class));
        inFlight = new InFlight();

        Map<String, List<AnnotatedCallback>> byTask = new HashMap<>();
        for (Declarations.CallbackMethod callback : declarations.callbackMethods) {
            // The container itself checks the invokers' argument lookups (each further parameter), before this.
            byTask.computeIfAbsent(callback.taskName(), task -> new ArrayList<>())
                    .add(annotatedCallback(callback, beanManager));
        }
        Map<String, TaskCallbacks> callbacks = new HashMap<>();
        byTask.forEach((task, list) -> {
            list.sort(AnnotatedCallback.ORDER);
            callbacks.put(task, new TaskCallbacks(task, list.toArray(AnnotatedCallback[]::new), reporter));
        });

        Map<String, Executor> executors = new HashMap<>();
        Map<Method, List<CallSite>> byMethod = new LinkedHashMap<>();
        for (Declarations.AsyncMethod async : declarations.asyncMethods) {
            CallSite site = new CallSite(async.method(), async.beanClass(), async.taskName(), async.executorName(),
                    async.resultType());
            site.executor = executors.computeIfAbsent(async.executorName(), name -> executor(name, beanManager));
            if (site.executor == null) {
                problems.add(noExecutor(site, beanManager));
            }
            site.callbacks = callbacks.computeIfAbsent(async.taskName(),
                    task -> new TaskCallbacks(task, new AnnotatedCallback[0], reporter));
            site.inFlight = inFlight;
            site.requestContexts = requestContexts;
            byMethod.computeIfAbsent(site.method, method -> new ArrayList<>()).add(site);
        }
        for (String problem : problems) {
            event.addDeploymentProblem(new DeploymentException(problem));
        }
        Map<Method, CallSite[]> prepared = new HashMap<>();
        byMethod.forEach((method, list) -> {
            // Most specific bean class first, for a method that several bean classes inherit.
            list.sort(Comparator.comparingInt((CallSite site) -> depth(site.beanClass)).reversed());
            prepared.put(method, list.toArray(CallSite[]::new));
        });
        routes.publish(prepared, reporter);
    }

    private static AnnotatedCallback annotatedCallback(Declarations.CallbackMethod declared, BeanManager beanManager) {
        Method method = declared.method();
        Bean<?> bean = declared.bean();
        Supplier<Object> reference = null;
        if (!declared.looksUpInstance()) {
            Type type = referenceType(bean, method.getDeclaringClass());
            reference = () -> beanManager.getReference(bean, type, beanManager.createCreationalContext(bean));
        }
        return new AnnotatedCallback(method.getDeclaringClass().getName(), method.getName(), declared.description(),
                bean.getBeanClass().getName(), declared.priority(), method.getParameterCount(), declared.invoker(),
                reference);
    }

    private static String beanNames(Set<Bean<?>> beans) {
        Set<String> names = new TreeSet<>();
        for (Bean<?> bean : beans) {
            names.add(bean.getBeanClass().getName());
        }
        return String.join(", ", names);
    }

    /* A bean type to take the callback bean's reference as: one the callback's class can receive. */
    private static Type referenceType(Bean<?> bean, Class<?> declaringClass) {
        if (bean.getTypes().contains(bean.getBeanClass())) {
            return bean.getBeanClass();
        }
        for (Type type : bean.getTypes()) {
            if (declaringClass.isAssignableFrom(Types.erasure(type))) {
                return type;
            }
        }
        return Object.class;
    }

    private static Executor executor(String name, BeanManager beanManager) {
        Set<Bean<?>> beans = beanManager.getBeans(Executor.class, AsyncExecutor.Literal.of(name));
        if (beans.isEmpty()) {
            return null;
        }
        Bean<?> bean;
        try {
            bean = beanManager.resolve(beans);
        } catch (AmbiguousResolutionException e) {
            return null;
        }
        return (Executor) beanManager.getReference(bean, Executor.class, beanManager.createCreationalContext(bean));
    }

    private static String noExecutor(CallSite site, BeanManager beanManager) {
        String where = "@Async on '" + site.description + "': ";
        String qualifier = site.executorName.isEmpty() ? "@AsyncExecutor" : "@AsyncExecutor(\"" + site.executorName + "\")";
        String executor = site.executorName.isEmpty() ? "the default executor" : "executor '" + site.executorName + "'";
        Set<Bean<?>> beans = beanManager.getBeans(Executor.class, AsyncExecutor.Literal.of(site.executorName));
        if (beans.size() > 1) {
            return where + executor + " is ambiguous: " + beans.size() + " Executor beans are " + qualifier + " ("
                    + beanNames(beans) + "). Keep one, or disable the others with @Alternative.";
        }
        Set<String> known = new TreeSet<>();
        for (Bean<?> bean : beanManager.getBeans(Executor.class, Any.Literal.INSTANCE)) {
            for (Annotation annotation : bean.getQualifiers()) {
                if (annotation instanceof AsyncExecutor named && !named.value().isEmpty()) {
                    known.add(named.value());
                }
            }
        }
        String closest = Names.closest(site.executorName, known);
        return where + "no executor is named '" + site.executorName + "'"
                + (closest != null ? "; did you mean '" + closest + "'?" : ".") + " Declare a bean of type Executor"
                + " qualified " + qualifier + ", or remove executor = \"" + site.executorName + "\" to use the default"
                + " executor. Named executors: " + (known.isEmpty() ? "none" : known) + ".";
    }

    private static <T> T reference(Class<T> type, BeanManager beanManager) {
        Bean<?> bean = beanManager.resolve(beanManager.getBeans(type));
        return type.cast(beanManager.getReference(bean, type, beanManager.createCreationalContext(bean)));
    }

    private static int depth(Class<?> type) {
        int depth = 0;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    private synchronized ExecutorService ownExecutor() {
        if (ownExecutor == null) {
            ownExecutor = DefaultExecutor.create(settings);
        }
        return ownExecutor;
    }

    /**
     * What the interceptors need at run time. Handed out as a plain object: the container gives beans
     * a proxy of the extension, and every call through it would cost a reflective hop.
     */
    Routes routes() {
        return routes;
    }

    /**
     * Drains the calls in flight when the application context is about to end, like leaving
     * Python's {@code with ThreadPoolExecutor() as executor:} block: new calls are refused; calls
     * submitted, queued or running, and their callbacks get the grace period; what is left is then
     * cancelled and interrupted, so its callbacks run here before the container goes on closing.
     */
    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @BeforeDestroyed(ApplicationScoped.class)
            Object event) {
        if (inFlight == null) {
            return;
        }
        inFlight.close();
        // The default executor keeps running until the drain ends: the calls in flight still run on it,
        // and completions from elsewhere (a timer, a stage a body returned) are handed to it.
        ExecutorService own;
        synchronized (this) {
            own = ownExecutor;
        }
        long grace = TimeUnit.MILLISECONDS.toNanos(settings.shutdownGraceMillis);
        Error error = null;
        try {
            List<AsyncCall<?>> left = awaitDrained(grace);
            if (!left.isEmpty()) {
                LOG.log(Level.WARNING, () -> left.size() + " @Async calls were still in flight "
                        + settings.shutdownGraceMillis + " ms after shutdown began; cancelling them");
                // Those not started first: cancelling a running one frees its thread, which must not
                // then start a queued body the loop has not cancelled yet. (Each call's state is read
                // once: it changes while the loop runs.)
                List<AsyncCall<?>> ordered = new ArrayList<>(left.size());
                List<AsyncCall<?>> running = new ArrayList<>();
                for (AsyncCall<?> call : left) {
                    (call.isRunning() ? running : ordered).add(call);
                }
                ordered.addAll(running);
                for (AsyncCall<?> call : ordered) {
                    try {
                        call.stop(); // cancels, interrupts, and runs its callbacks here
                    } catch (Error e) {
                        // a callback's Error: the other calls are still cancelled, then it is rethrown
                        error = FailureReporter.keepFirst(error, e);
                    }
                }
                // Interrupted bodies end (on any executor) before close() goes on, within a bound
                // that a stall of the machine (a long GC pause) does not exhaust.
                List<AsyncCall<?>> stubborn = awaitDrained(Math.max(grace, TimeUnit.SECONDS.toNanos(5)));
                if (!stubborn.isEmpty()) {
                    LOG.warning(() -> stubborn.size() + " @Async bodies ignore interruption and are still running");
                }
            }
        } finally {
            if (own != null) {
                stop(own, grace);
            }
        }
        if (error != null) {
            throw error;
        }
    }

    private List<AsyncCall<?>> awaitDrained(long graceNanos) {
        try {
            return inFlight.awaitDrained(System.nanoTime() + graceNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                return inFlight.awaitDrained(System.nanoTime()); // no wait: what is left now
            } catch (InterruptedException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
    }

    /*
     * Stops the default executor and waits, a bounded time, until its threads have ended: a pool
     * reports termination just before its last threads return, and no thread may outlive close().
     */
    private static void stop(ExecutorService executor, long graceNanos) {
        executor.shutdownNow();
        long deadline = System.nanoTime() + Math.max(graceNanos, TimeUnit.SECONDS.toNanos(1));
        try {
            if (!executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                    || !DefaultExecutor.awaitThreads(executor, deadline)) {
                LOG.warning("Threads of the default @Async executor ignore interruption and are still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void shutdown(@Observes BeforeShutdown event) {
        ExecutorService own;
        synchronized (this) {
            own = ownExecutor;
        }
        if (own != null && !own.isTerminated()) {
            stop(own, 0);
        }
    }
}
