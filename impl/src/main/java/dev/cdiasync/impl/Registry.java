package dev.cdiasync.impl;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteExecutor;
import dev.cdiasync.spi.RemoteMethod;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.IllegalProductException;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.invoke.Invoker;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The run-time side of the library, one per deployment: at startup it gathers what the build
 * found (the {@code @Async} methods and the {@code @OnDone} callbacks with their invokers), reads
 * the settings, resolves the executors and prepares each call site once; the interceptor then
 * routes each call here; at shutdown it drains the calls in flight.
 */
@Singleton
class Registry {

    private static final Logger LOG = Logger.getLogger("dev.cdiasync");
    private static final String SERVLET_CONTEXT = "jakarta.servlet.ServletContext";

    /** An {@code @Async} method of a bean class, as the build found it. */
    record Site(Class<?> beanClass, String key, String description, String taskName, String executorName,
            boolean returnsVoid, Invoker<Object, ?> invoker) {
    }

    /** An {@code @OnDone} method of a bean class, as the build found it, with its invoker. */
    record Callback(Class<?> beanClass, Annotation[] qualifiers, String taskName, String declaringClass,
            String methodName, String key, String description, int priority, int parameterCount,
            Invoker<Object, ?> invoker, boolean looksUpInstance) {
    }

    @Inject
    Event<AsyncExtension.Declared> declarations;

    @Inject
    Event<CallbackFailure> failures;

    @Inject
    @Any
    Instance<Executor> executors;

    /* Also keeps the runtime's own pool, which the default executor may be, from being removed as unused. */
    @Inject
    Instance<ExecutorService> platformExecutor;

    @Inject
    RequestContexts requestContexts;

    @Inject
    BeanContainer container;

    /*
     * The call site whose body this thread runs for a call that arrived from another process, from the
     * start of that run until the interceptor sees the call (see arrived): the one call on this thread
     * that must not go asynchronous again.
     */
    private static final ThreadLocal<CallSite> ARRIVED = new ThreadLocal<>();

    /* The arrivals of the deployment whose arrived body runs on this thread, if one does. */
    private static final ThreadLocal<Arrivals> RUNS_ARRIVED = new ThreadLocal<>();

    /* Published once by start(), before any call is routed; then only read. */
    private volatile Map<String, CallSite[]> sitesByKey;
    /* The call sites by the key a call sent to another process names them by (see CallSite.remoteKey). */
    private volatile Map<String, CallSite> sitesByRemoteKey;
    private final Map<Method, CallSite[]> sitesByMethod = new ConcurrentHashMap<>();
    private InFlight inFlight;
    private Settings settings = Settings.defaults();
    /* The remote executors of this deployment, served its bodies from startup to shutdown. */
    private final List<RemoteExecutor> remotes = new ArrayList<>();

    /* The bodies other processes sent that run here; closed once the drain has ended, refused from then on. */
    private final Arrivals arrivals = new Arrivals();
    /* The executors resolved so far, kept when a start is deferred (see start). */
    private final Map<String, Executor> resolved = new HashMap<>();
    /* Whether start() runs, on the thread that holds its lock: a call from within it must not start it again. */
    private boolean starting;

    /** Prepares everything at startup, before the application's own observers, so that a mistake fails deployment. */
    void started(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
            Object event) {
        start(webModuleStartsLater(event));
    }

    /** The application's web module has started: whatever is still unresolved is final now. */
    void webModuleStarted() {
        start(false);
    }

    /*
     * Whether the startup this event announces comes before the web module's own. A Jakarta EE server
     * fires @Initialized(ApplicationScoped.class) for the library jar's bean archive from Weld's
     * endInitialization, with an Object; the web module's, with its ServletContext, comes when the web
     * module starts (WebModuleStarted hears it). GlassFish fires the first on its deployment thread
     * without the module's component environment, so it injects no @Resource field there ("No valid EE
     * environment for injection of ..."): a @Dependent producer returning such a field returns null,
     * and the resource once the web module has started. Quarkus has no such second event.
     */
    private static boolean webModuleStartsLater(Object event) {
        return servletContext() != null && !isServletContext(event) && !AsyncExtension.onQuarkus();
    }

    /** Whether the event is a ServletContext: the startup of a web module. */
    static boolean isServletContext(Object event) {
        Class<?> servletContext = servletContext();
        return servletContext != null && servletContext.isInstance(event);
    }

    private static Class<?> servletContext() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            return Class.forName(SERVLET_CONTEXT, false, loader != null ? loader : Registry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError noServletContainer) {
            return null;
        }
    }

    /*
     * Gathers the declarations, resolves the executors and prepares the call sites. Runs once: at
     * startup, or at the first call if that comes first (from another observer of the startup).
     */
    /*
     * Gathers the declarations, resolves the executors and prepares the call sites. Runs once: at
     * startup, or at the first call if that comes first (from another observer of the startup). On a
     * server's first startup event of a web module (webModuleStartsLater), an executor whose producer
     * returned null is not reported yet: everything is prepared again at the ServletContext event (or
     * at the first call), which resolves only what is still missing and reports what is still null.
     * Returns null while so deferred.
     */
    private synchronized Map<String, CallSite[]> start(boolean deferNulls) {
        if (sitesByKey != null) {
            return sitesByKey;
        }
        if (starting) {
            // The same thread, from within start(): an executor producer or a bean it creates calls @Async.
            throw new IllegalStateException("An @Async method was called while cdi-async prepares its executors"
                    + " (from an executor producer, or a bean it creates); call it once the application has started");
        }
        starting = true;
        try {
            return prepare(deferNulls);
        } finally {
            starting = false;
        }
    }

    private Map<String, CallSite[]> prepare(boolean deferNulls) {
        List<String> problems = new ArrayList<>();
        settings = Settings.read(problems::add);
        AsyncExtension.Declared declared = new AsyncExtension.Declared();
        declarations.fire(declared);
        FailureReporter reporter = new FailureReporter(failures);
        inFlight = new InFlight();

        Map<String, List<AnnotatedCallback>> byTask = new HashMap<>();
        for (Callback callback : declared.callbacks) {
            byTask.computeIfAbsent(callback.taskName(), task -> new ArrayList<>()).add(annotated(callback));
        }
        Map<String, TaskCallbacks> callbacks = new HashMap<>();
        byTask.forEach((task, list) -> {
            list.sort(AnnotatedCallback.ORDER);
            callbacks.put(task, new TaskCallbacks(task, list.toArray(AnnotatedCallback[]::new), reporter));
        });

        Map<String, String> deferred = deferNulls ? new TreeMap<>() : null;
        Set<String> tried = new HashSet<>();
        Map<String, List<CallSite>> byKey = new HashMap<>();
        Map<String, CallSite> byRemoteKey = new HashMap<>();
        for (Site site : declared.sites) {
            Executor executor = resolve(site.executorName(), site.description(), tried, problems, deferred);
            Executor dispatch = executor;
            BeanTarget target = new BeanTarget(container, site.beanClass(),
                    site.key().substring(0, site.key().indexOf('#')), null, site.description());
            if (executor instanceof RemoteExecutor remote) {
                // The outcome of a remote call arrives on a thread of the remote executor's: its callbacks
                // are handed to the default executor, which must be a local one.
                dispatch = resolve("", site.description(), tried, problems, deferred);
                checkRemote(site, target, remote, dispatch, problems);
                if (!remotes.contains(remote)) {
                    remotes.add(remote);
                }
            }
            TaskCallbacks taskCallbacks = callbacks.computeIfAbsent(site.taskName(),
                    task -> new TaskCallbacks(task, new AnnotatedCallback[0], reporter));
            CallSite callSite = new CallSite(site.beanClass(), site.key(), site.description(), site.taskName(),
                    site.returnsVoid(), executor, dispatch, site.invoker(), target, taskCallbacks, inFlight,
                    requestContexts);
            byKey.computeIfAbsent(site.key(), key -> new ArrayList<>()).add(callSite);
            byRemoteKey.put(callSite.remoteKey, callSite);
        }
        if (!problems.isEmpty()) {
            if (deferred != null) {
                problems.addAll(deferred.values()); // all of the deployment's mistakes together
            }
            throw new DeploymentException(String.join("\n", problems));
        }
        if (deferred != null && !deferred.isEmpty()) {
            LOG.fine(() -> "cdi-async: the producers of executors " + deferred.keySet() + " returned null before the"
                    + " web module started; they are resolved again when it starts");
            return null;
        }
        Map<String, CallSite[]> prepared = new HashMap<>();
        byKey.forEach((key, list) -> {
            // Most specific bean class first, for a method that several bean classes inherit.
            list.sort(Comparator.comparingInt((CallSite site) -> depth(site.beanClass)).reversed());
            prepared.put(key, list.toArray(CallSite[]::new));
        });
        LOG.config(() -> "cdi-async: " + declared.sites.size() + " @Async methods, " + declared.callbacks.size()
                + " @OnDone callbacks; " + settings);
        sitesByRemoteKey = byRemoteKey;
        sitesByKey = prepared;
        LocalBodies bodies = new Bodies();
        List<RemoteExecutor> serving = new ArrayList<>();
        try {
            for (RemoteExecutor remote : remotes) {
                remote.serve(bodies);
                serving.add(remote);
            }
        } catch (RuntimeException refused) {
            stopServing(serving); // a deployment that fails serves nothing
            throw refused;
        }
        return prepared;
    }

    /*
     * The executor of a name: one resolved before (an earlier, deferred, attempt), or resolved now, once
     * per attempt, a failed one included, so that each problem is reported (and a producer called) once.
     */
    private Executor resolve(String name, String usedBy, Set<String> tried, List<String> problems,
            Map<String, String> deferred) {
        Executor executor = resolved.get(name);
        if (executor == null && tried.add(name)) {
            executor = executor(name, usedBy, problems, deferred);
            if (executor != null) {
                resolved.put(name, executor);
            }
        }
        return executor;
    }

    /*
     * The executor of a name, made now, at startup, on the deployment's thread (where a server's
     * producer can inject its resources). What the build could not see is reported here: a producer
     * that returns null, or several beans left after the selection of alternatives.
     */
    private Executor executor(String name, String usedBy, List<String> problems, Map<String, String> deferred) {
        String which = name.isEmpty() ? "the default executor" : "executor '" + name + "'";
        String qualifier = "@AsyncExecutor" + (name.isEmpty() ? "" : "(\"" + name + "\")");
        Instance<Executor> selected = executors.select(AsyncExecutor.Literal.of(name));
        if (selected.isAmbiguous()) {
            List<String> beans = new ArrayList<>();
            selected.handles().forEach(handle -> beans.add(handle.getBean().getBeanClass().getName()));
            beans.sort(null);
            problems.add("@Async on '" + usedBy + "': " + which + " is ambiguous: " + beans.size() + " Executor beans are "
                    + qualifier
                    + " (" + String.join(", ", beans) + "). Keep one, or disable the others with @Alternative.");
            return null;
        }
        try {
            // A client proxy (normal scope) shows the types the bean declares: a RemoteExecutor must declare that
            // type to be recognised as one; the proxy is not looked behind, which would make the bean now.
            Executor executor = selected.get();
            if (executor == null) {
                String problem = "The producer of " + which + " returned null. Return an Executor from it (a server's"
                        + " ManagedExecutorService, for example), or remove its " + qualifier + " qualifier.";
                if (deferred != null) {
                    deferred.put(name, problem); // perhaps not null once the web module has started
                } else {
                    problems.add(problem);
                }
            }
            return executor;
        } catch (IllegalProductException e) {
            problems.add("The producer of " + which + " returned null (" + e.getMessage() + "). Return an Executor"
                    + " from it, or remove its " + qualifier + " qualifier.");
        } catch (RuntimeException e) {
            problems.add("Resolving " + which + " failed: " + e);
        }
        return null;
    }

    /* A callback, called on its bean's contextual reference unless its invoker looks the instance up. */
    private AnnotatedCallback annotated(Callback callback) {
        Supplier<Object> reference = callback.looksUpInstance() ? null : new BeanTarget(container,
                callback.beanClass(), callback.declaringClass(), callback.qualifiers(), callback.description());
        return new AnnotatedCallback(callback.declaringClass(), callback.methodName(), callback.key(),
                callback.description(), callback.beanClass().getName(), callback.priority(), callback.parameterCount(),
                callback.invoker(), reference);
    }

    /*
     * A method routed to a remote executor: the executor checks what must travel; this checks that the
     * callbacks have a local executor to run on and that the bean can be looked up where the body
     * arrives (each member runs the same application).
     */
    private void checkRemote(Site site, BeanTarget target, RemoteExecutor remote, Executor dispatch,
            List<String> problems) {
        String where = "@Async on '" + site.description() + "' (executor '" + site.executorName() + "'): ";
        if (dispatch instanceof RemoteExecutor) {
            problems.add(where + "the default executor is a remote one too, so the callbacks of a remote call would"
                    + " have no local thread to run on. Keep the default executor local.");
        }
        try {
            target.bean(); // resolves the bean; creates nothing
        } catch (RuntimeException e) {
            problems.add(where + "its bean cannot be looked up by its class " + site.beanClass().getName() + " (" + e
                    + "), so the member a call arrives on could not run it. Give the bean a class of its own.");
        }
        Method method = method(site);
        if (method == null) {
            problems.add(where + "the method cannot be found on " + site.beanClass().getName());
            return;
        }
        java.lang.reflect.Type returned = method.getGenericReturnType();
        java.lang.reflect.Type result = returned == void.class ? Void.class
                : returned instanceof java.lang.reflect.ParameterizedType p ? p.getActualTypeArguments()[0]
                : Object.class;
        remote.check(new RemoteMethod(method, site.beanClass(), result, site.executorName()),
                problem -> problems.add(where + problem));
    }

    /* The reflected method of a site, found by its key on the bean class and its superclasses. */
    private static Method method(Site site) {
        for (Class<?> c = site.beanClass(); c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (Names.key(method).equals(site.key())) {
                    return method;
                }
            }
        }
        return null;
    }

    /** Whether the thread runs, for a call that arrived from another process, the body of this site; consumes the mark. */
    static boolean arrived(CallSite site) {
        if (ARRIVED.get() == site) {
            ARRIVED.remove();
            return true;
        }
        return false;
    }

    /** The bodies of this deployment, for calls that arrive from other processes. */
    private final class Bodies implements LocalBodies {
        @Override
        public Object run(String method, Object[] arguments) throws Throwable {
            Map<String, CallSite> prepared = sitesByRemoteKey;
            CallSite site = prepared == null ? null : prepared.get(method);
            if (site == null || !arrivals.enter()) {
                throw new RejectedExecutionException("No @Async method " + method + " runs here: "
                        + (site == null ? "this deployment has none" : "this deployment is shutting down"));
            }
            Arrivals outer = RUNS_ARRIVED.get();
            RUNS_ARRIVED.set(arrivals);
            try {
                return run(site, arguments);
            } finally {
                RUNS_ARRIVED.set(outer);
                arrivals.exit();
            }
        }

        private Object run(CallSite site, Object[] arguments) throws Throwable {
            // A @Dependent bean gets an instance of its own for the call, destroyed after it (and after a
            // stage it returned has completed), as a local caller's would live with the caller; others are
            // shared as their scope says.
            return site.target.call(target -> {
                Object result = requestContexts.runArrived(() -> {
                    ARRIVED.set(site);
                    try {
                        return site.invoker.invoke(target, arguments);
                    } finally {
                        ARRIVED.remove();
                    }
                });
                return site.returnsVoid ? null : Outcomes.await(result);
            });
        }
    }

    private static int depth(Class<?> type) {
        int depth = 0;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            depth++;
        }
        return depth;
    }

    /** The call site of an intercepted {@code @Async} invocation; null for a method left alone. */
    CallSite callSite(InvocationContext invocation) {
        Method method = invocation.getMethod();
        CallSite[] candidates = sitesByMethod.get(method);
        if (candidates == null) {
            Map<String, CallSite[]> prepared = sitesByKey;
            if (prepared == null) {
                prepared = start(false);
            }
            candidates = prepared.getOrDefault(Names.key(method), new CallSite[0]);
            sitesByMethod.put(method, candidates);
        }
        if (candidates.length == 0) {
            return null;
        }
        if (candidates.length > 1) {
            // A method several bean classes inherit: the most specific class comes first.
            Object target = invocation.getTarget();
            for (CallSite candidate : candidates) {
                if (candidate.beanClass.isInstance(target)) {
                    return candidate;
                }
            }
        }
        return candidates[0];
    }

    /**
     * Drains the calls in flight when the application context is about to end, like leaving
     * Python's {@code with ThreadPoolExecutor() as executor:} block: new calls are refused; calls
     * submitted, queued or running, and their callbacks get the grace period; what is left is then
     * cancelled and interrupted, so its callbacks run here before the container goes on closing.
     * The executors keep running meanwhile; the library's own pool is stopped afterwards, when the
     * container disposes of it. Bodies that other processes send keep being served until the drain
     * ends (a caller's own calls may come back to this process), and are refused after it.
     */
    void drain(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @BeforeDestroyed(ApplicationScoped.class)
            Object event) {
        if (inFlight == null) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.shutdownGraceMillis);
        inFlight.close();
        try {
            drainInFlight(deadline);
            awaitArrivals(deadline);
        } finally {
            arrivals.close();
            stopServing(remotes);
        }
    }

    /* The bodies other processes sent get what is left of the grace period; what outlives it runs on, unawaited. */
    private void awaitArrivals(long deadline) {
        if (remotes.isEmpty()) {
            return;
        }
        int left;
        try {
            // A body that closes its own container (an operator's "stop" command) is not waited for by itself.
            left = arrivals.awaitIdle(deadline, RUNS_ARRIVED.get() == arrivals ? 1 : 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (left > 0) {
            LOG.warning(() -> left + " @Async bodies that other processes sent still run " + settings.shutdownGraceMillis
                    + " ms after shutdown began; the container closes under them");
        }
    }

    private static void stopServing(List<RemoteExecutor> remotes) {
        for (RemoteExecutor remote : remotes) {
            try {
                remote.serve(null);
            } catch (RuntimeException e) {
                // its transport may be down already (a shutdown hook of its own): the others stop all the same
                LOG.log(Level.WARNING, e, () -> "A remote executor failed to stop serving this deployment's bodies");
            }
        }
    }

    private void drainInFlight(long deadline) {
        List<AsyncCall<?>> left = awaitDrained(deadline);
        if (left.isEmpty()) {
            return;
        }
        LOG.log(Level.WARNING, () -> left.size() + " @Async calls were still in flight " + settings.shutdownGraceMillis
                + " ms after shutdown began; cancelling them");
        // Those not started first: cancelling a running one frees its thread, which must not then start a
        // queued body the loop has not cancelled yet. (Each call's state is read once: it changes while
        // the loop runs.)
        List<AsyncCall<?>> ordered = new ArrayList<>(left.size());
        List<AsyncCall<?>> running = new ArrayList<>();
        for (AsyncCall<?> call : left) {
            (call.isRunning() ? running : ordered).add(call);
        }
        ordered.addAll(running);
        Error error = null;
        for (AsyncCall<?> call : ordered) {
            try {
                call.stop(); // cancels, interrupts, and runs its callbacks here
            } catch (Error e) {
                // a callback's Error: the other calls are still cancelled, then it is rethrown
                error = FailureReporter.keepFirst(error, e);
            } catch (RuntimeException e) {
                // an interrupt that failed (a remote executor's, say): the call is cancelled all the same
                LOG.log(Level.WARNING, e, () -> "Stopping a call of @Async task '" + call.taskName() + "' failed;"
                        + " the other calls are still stopped");
            }
        }
        // Interrupted bodies end (on any executor) before close() goes on, within a bound that a stall of
        // the machine (a long GC pause) does not exhaust.
        long grace = TimeUnit.MILLISECONDS.toNanos(settings.shutdownGraceMillis);
        List<AsyncCall<?>> stubborn = awaitDrained(System.nanoTime() + Math.max(grace, TimeUnit.SECONDS.toNanos(5)));
        if (!stubborn.isEmpty()) {
            LOG.warning(() -> stubborn.size() + " @Async bodies ignore interruption and are still running");
        }
        if (error != null) {
            throw error;
        }
    }

    private List<AsyncCall<?>> awaitDrained(long deadlineNanos) {
        try {
            return inFlight.awaitDrained(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                return inFlight.awaitDrained(System.nanoTime()); // no wait: what is left now
            } catch (InterruptedException cannotHappen) {
                throw new IllegalStateException(cannotHappen);
            }
        }
    }
}
