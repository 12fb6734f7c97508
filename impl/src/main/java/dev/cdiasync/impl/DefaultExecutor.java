package dev.cdiasync.impl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import jakarta.enterprise.inject.Instance;

/**
 * Chooses the default executor where the application declares none: the runtime's managed pool
 * where there is one (Quarkus's pool for application work; a Jakarta EE server's default
 * {@code ManagedExecutorService}, as a CDI bean or at {@code java:comp/DefaultManagedExecutorService}),
 * which the library never shuts down; elsewhere (Weld SE) a pool of its own. Like the pool of
 * Python's {@code ThreadPoolExecutor()}, that is a plain
 * {@link ThreadPoolExecutor} of {@code dev.cdiasync.threads} platform threads named
 * {@code cdi-async-N}, daemons with the deployment's context class loader; with
 * {@code dev.cdiasync.virtual-threads=true} (Java 21 and later) a new virtual thread per call, at
 * most {@code dev.cdiasync.threads} at once if that is set.
 *
 * <p>As with every pool, a {@code ThreadLocal} a body sets stays on its thread and may be seen by
 * the next call there. The library leaves nothing of its own behind: the call's request context is
 * ended, the interrupt of a {@code cancel(true)} is cleared, and the context class loader is put
 * back after each call.
 */
final class DefaultExecutor {

    private static final Logger LOG = Logger.getLogger(DefaultExecutor.class.getName());
    private static final long KEEP_ALIVE_SECONDS = 60;
    static final String THREAD_PREFIX = "cdi-async-";

    private DefaultExecutor() {
    }

    private static final String MANAGED_EXECUTOR = "jakarta.enterprise.concurrent.ManagedExecutorService";
    private static final String DEFAULT_MANAGED_EXECUTOR = "java:comp/DefaultManagedExecutorService";

    /**
     * The default executor for a deployment.
     *
     * @param lookup  the container's lookup
     * @param quarkus whether the runtime is Quarkus, whose {@code @Default ExecutorService} is its
     *                managed pool for application work
     */
    static ExecutorService choose(Instance<Object> lookup, boolean quarkus) {
        if (quarkus) {
            Instance<ExecutorService> platform = lookup.select(ExecutorService.class);
            if (platform.isResolvable()) {
                LOG.config("The default @Async executor is Quarkus's pool for application work");
                return platform.get();
            }
        }
        ExecutorService managed = containerManaged(lookup);
        if (managed != null) {
            LOG.config("The default @Async executor is the container's default ManagedExecutorService");
            return managed;
        }
        return create(Settings.read(problem -> {
            // reported by the registry, which reads the same settings at startup
        }));
    }

    /*
     * A Jakarta EE server's default ManagedExecutorService, without a compile-time dependency on
     * Jakarta Concurrency: first as a CDI bean (Concurrency 3.1), then by its standard JNDI name.
     */
    private static ExecutorService containerManaged(Instance<Object> lookup) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> type = Class.forName(MANAGED_EXECUTOR, false, loader != null ? loader
                    : DefaultExecutor.class.getClassLoader());
            Instance<?> bean = lookup.select(type);
            if (bean.isResolvable() && bean.get() instanceof ExecutorService executor) {
                return executor;
            }
        } catch (ClassNotFoundException | LinkageError | RuntimeException absent) {
            // not a Jakarta EE server, or no such bean: try JNDI
        }
        try {
            Object found = new InitialContext().lookup(DEFAULT_MANAGED_EXECUTOR);
            return found instanceof ExecutorService executor ? executor : null;
        } catch (NamingException | RuntimeException | LinkageError absent) {
            return null; // no naming service (Weld SE), or no such resource
        }
    }

    /** Stops the executor if the library made it: a runtime's managed one is never touched. */
    static void stopIfOwn(ExecutorService executor) {
        if (!(executor instanceof Pool) && !(executor instanceof Tracked)) {
            return;
        }
        executor.shutdownNow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        try {
            if (!executor.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)
                    || !awaitThreads(executor, deadline)) {
                LOG.warning("Threads of the default @Async executor ignore interruption and are still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ExecutorService create(Settings settings) {
        // The threads run the application's code: they get the class loader of the deployment.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (settings.virtualThreads) {
            Threads threads = new Threads(VirtualThreads.factory(), loader);
            ExecutorService perCall = VirtualThreads.perTaskExecutor(threads);
            if (settings.threadsSet) {
                LOG.config(() -> "The default @Async executor starts a virtual thread per call, at most "
                        + settings.threads + " running at once");
                return new Limited(perCall, settings.threads, threads);
            }
            LOG.config("The default @Async executor starts a virtual thread per call, with no limit");
            return new Tracked(perCall, threads);
        }
        LOG.config(() -> "The default @Async executor is a pool of " + settings.threads + " platform threads");
        return new Pool(settings.threads, loader);
    }

    /**
     * After the executor has terminated, waits until the threads it started have ended, or the
     * deadline passes: an executor reports termination just before its last threads return, and no
     * thread may outlive the container's {@code close()}.
     *
     * @return whether they all ended
     */
    static boolean awaitThreads(ExecutorService executor, long deadlineNanos) throws InterruptedException {
        Iterable<Thread> started = executor instanceof Pool pool ? pool.threads.started
                : executor instanceof Tracked tracked ? tracked.threads.started : List.of();
        for (Thread thread : started) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** The platform pool; it puts back the context class loader a call changed before the next call. */
    private static final class Pool extends ThreadPoolExecutor {
        final Threads threads;

        Pool(int size, ClassLoader loader) {
            this(size, new Threads(platformThreads(), loader));
        }

        private Pool(int size, Threads threads) {
            super(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
            this.threads = threads;
            allowCoreThreadTimeOut(true);
        }

        @Override
        protected void afterExecute(Runnable task, Throwable thrown) {
            Thread thread = Thread.currentThread();
            if (thread.getContextClassLoader() != threads.loader) {
                thread.setContextClassLoader(threads.loader);
            }
        }
    }

    /*
     * Platform threads that inherit nothing of the thread that happens to start them (a caller, or a
     * thread that just ran a call): no InheritableThreadLocal; daemons, so that a program that forgets
     * to close its container still exits (Weld's shutdown hook then drains the calls).
     */
    private static ThreadFactory platformThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(null, task, THREAD_PREFIX + count.incrementAndGet(), 0, false);
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY);
            return thread;
        };
    }

    /**
     * Gives the threads of a factory the deployment's class loader, and remembers them so that
     * shutdown can wait until they have ended. Ended threads are forgotten now and then, when a new
     * one starts: the set holds the live threads and at most a few hundred ended ones.
     */
    private static final class Threads implements ThreadFactory {
        private static final int PRUNE_EVERY = 256;

        final Set<Thread> started = ConcurrentHashMap.newKeySet();
        final ClassLoader loader;
        private final ThreadFactory factory;
        private final AtomicInteger count = new AtomicInteger();

        Threads(ThreadFactory factory, ClassLoader loader) {
            this.factory = factory;
            this.loader = loader;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = factory.newThread(task);
            thread.setContextClassLoader(loader);
            if ((count.incrementAndGet() & (PRUNE_EVERY - 1)) == 0) {
                started.removeIf(old -> old.getState() == Thread.State.TERMINATED);
            }
            started.add(thread);
            return thread;
        }
    }

    /** An executor service that forwards to another and knows the threads it started. */
    private static class Tracked extends AbstractExecutorService {
        final ExecutorService delegate;
        final Threads threads;

        Tracked(ExecutorService delegate, Threads threads) {
            this.delegate = delegate;
            this.threads = threads;
        }

        @Override
        public void execute(Runnable task) {
            delegate.execute(task);
        }

        @Override
        public void shutdown() {
            delegate.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return delegate.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return delegate.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return delegate.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return delegate.awaitTermination(timeout, unit);
        }
    }

    /**
     * A virtual thread per task, at most {@code limit} tasks running at once. Virtual threads are
     * not pooled (the JDK advises against it); instead each waits for a permit before it runs its
     * task, which costs a virtual thread little.
     *
     * <p>Invariant: a task runs only while its thread holds a permit, and that thread releases the
     * permit exactly once, after the task, whatever the task does; so at most {@code limit} tasks
     * run at once. A thread interrupted while it waits (by {@code shutdownNow}) ends without running
     * its task and without a permit to release.
     */
    private static final class Limited extends Tracked {
        private final Semaphore permits;

        Limited(ExecutorService perTask, int limit, Threads threads) {
            super(perTask, threads);
            this.permits = new Semaphore(limit);
        }

        @Override
        public void execute(Runnable task) {
            delegate.execute(() -> {
                try {
                    permits.acquire();
                } catch (InterruptedException stopping) {
                    return;
                }
                try {
                    task.run();
                } finally {
                    permits.release();
                }
            });
        }
    }

    /**
     * The Java 21 API of virtual threads, reached through method handles because the code targets
     * Java 17: looked up once, when the executor is made. Equivalent to
     * {@code Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cdi-async-", 1)
     * .inheritInheritableThreadLocals(false).factory())}.
     */
    static final class VirtualThreads {

        private VirtualThreads() {
        }

        /** Whether this Java runs virtual threads (21 and later). */
        static boolean available() {
            return Runtime.version().feature() >= 21;
        }

        static ThreadFactory factory() {
            try {
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Class<?> builderType = Class.forName("java.lang.Thread$Builder");
                Class<?> virtualType = Class.forName("java.lang.Thread$Builder$OfVirtual");
                Object builder = lookup.findStatic(Thread.class, "ofVirtual", MethodType.methodType(virtualType)).invoke();
                MethodHandle name = lookup.findVirtual(virtualType, "name",
                        MethodType.methodType(virtualType, String.class, long.class));
                MethodHandle inherit = lookup.findVirtual(virtualType, "inheritInheritableThreadLocals",
                        MethodType.methodType(virtualType, boolean.class));
                MethodHandle factory = lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class));
                builder = name.invoke(builder, THREAD_PREFIX, 1L);
                builder = inherit.invoke(builder, false);
                return (ThreadFactory) factory.invoke(builder);
            } catch (Throwable e) {
                throw new IllegalStateException("Virtual threads are not available on Java " + Runtime.version(), e);
            }
        }

        static ExecutorService perTaskExecutor(ThreadFactory threads) {
            try {
                MethodHandle perTask = MethodHandles.publicLookup().findStatic(java.util.concurrent.Executors.class,
                        "newThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class, ThreadFactory.class));
                return (ExecutorService) perTask.invoke(threads);
            } catch (Throwable e) {
                throw new IllegalStateException("Virtual threads are not available on Java " + Runtime.version(), e);
            }
        }
    }
}
