package dev.cdiasync.impl;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Makes the executor the library provides when the application declares none. Its threads are named
 * {@code cdi-async-N} and are daemons, so a program that forgets to close its container still exits
 * (Weld's shutdown hook then drains the calls). Whatever a call leaves on its thread (ThreadLocal and
 * InheritableThreadLocal values, the interrupt flag, another context class loader) never reaches the
 * next call. Which threads run the calls depends on the Java version and on
 * {@code dev.cdiasync.virtual-threads}:
 * <ul>
 * <li>Java 17 to 22, by default or with {@code false}: like the pool of Python's
 *     {@code ThreadPoolExecutor()}, {@code dev.cdiasync.threads} platform threads over an unbounded
 *     queue, idle ones ending after a minute; after each call the application's ThreadLocals on the
 *     thread are erased ({@link ThreadLocals}) and its context class loader, name, priority and
 *     uncaught-exception handler are restored.</li>
 * <li>Java 23 and later, by default: a new virtual thread for each call, at most
 *     {@code dev.cdiasync.threads} at once ({@link ThreadPerCall}). Java offers no supported way to
 *     erase a reused thread's ThreadLocals there, and from Java 24 on virtual threads no longer pin
 *     their carrier in {@code synchronized} blocks.</li>
 * <li>{@code true} (Java 21 and later): a new virtual thread for each call, with no limit.</li>
 * <li>{@code false} where ThreadLocals cannot be erased (Java 23 and later): a new platform thread for
 *     each call, at most {@code dev.cdiasync.threads} at once; correct, but starting a platform thread
 *     costs tens of microseconds.</li>
 * </ul>
 */
final class DefaultExecutor {

    private static final Logger LOG = Logger.getLogger(DefaultExecutor.class.getName());
    private static final long KEEP_ALIVE_SECONDS = 60;
    static final String THREAD_PREFIX = "cdi-async-";

    private DefaultExecutor() {
    }

    static ExecutorService create(Settings settings) {
        // The threads run the application's code: they get the class loader of the deployment.
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        int limit = settings.threads;
        if (Boolean.TRUE.equals(settings.virtualThreads)) {
            LOG.config("The default @Async executor starts a virtual thread per call, with no limit");
            return new ThreadPerCall(Integer.MAX_VALUE, virtualThreads(), loader);
        }
        if (ThreadLocals.ERASABLE) {
            LOG.config(() -> "The default @Async executor is a pool of " + limit + " platform threads; each thread's"
                    + " ThreadLocals are erased after every call");
            return new Pool(limit, loader);
        }
        if (settings.virtualThreads == null && virtualThreadsAvailable()) {
            LOG.config(() -> "The default @Async executor starts a virtual thread per call, at most " + limit
                    + " at once");
            return new ThreadPerCall(limit, virtualThreads(), loader);
        }
        LOG.config(() -> "The default @Async executor starts a platform thread per call, at most " + limit
                + " at once: this Java gives no way to erase a reused thread's ThreadLocals");
        return new ThreadPerCall(limit, platformThreads(loader), loader);
    }

    /**
     * After the executor has terminated, waits until the threads it started have ended, or the
     * deadline passes: an executor reports termination just before its last threads return.
     *
     * @return whether they all ended
     */
    static boolean awaitThreads(ExecutorService executor, long deadlineNanos) throws InterruptedException {
        Iterable<Thread> threads = executor instanceof Pool pool ? pool.threads
                : executor instanceof ThreadPerCall perCall ? perCall.endingThreads() : List.of();
        for (Thread thread : threads) {
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

    /**
     * The platform pool. It remembers its threads so that shutdown can wait for them to end, and
     * cleans each thread after every call, on that thread, before it takes the next.
     */
    private static final class Pool extends ThreadPoolExecutor {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        private final ClassLoader loader;

        Pool(int size, ClassLoader loader) {
            super(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new PoolThreads());
            this.loader = loader;
            allowCoreThreadTimeOut(true);
            ((PoolThreads) getThreadFactory()).pool = this;
        }

        /*
         * The uncaught-exception handler a call set is dropped before the next task, not after this one:
         * what the call throws is handed to that handler after afterExecute, as the thread ends.
         */
        @Override
        protected void beforeExecute(Thread thread, Runnable task) {
            if (thread.getUncaughtExceptionHandler() != thread.getThreadGroup()) {
                thread.setUncaughtExceptionHandler(null);
            }
        }

        /*
         * Puts the thread back as it was made: what the call changed of it stays with the call. The pool
         * itself clears the interrupt flag before the next task; a thread cannot change its daemon status
         * or its group while it runs.
         */
        @Override
        protected void afterExecute(Runnable task, Throwable thrown) {
            ThreadLocals.eraseCurrent();
            Thread thread = Thread.currentThread();
            if (thread.getContextClassLoader() != loader) {
                thread.setContextClassLoader(loader);
            }
            if (thread.getPriority() != Thread.NORM_PRIORITY) {
                thread.setPriority(Thread.NORM_PRIORITY);
            }
            if (thread instanceof PoolThread named && !thread.getName().equals(named.givenName)) {
                thread.setName(named.givenName);
            }
        }
    }

    private static final class PoolThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        Pool pool;

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = platformThread(task, count, pool.loader);
            // Threads end when idle and new ones start: forget the ended ones here, where it is rare.
            pool.threads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
            pool.threads.add(thread);
            return thread;
        }
    }

    /*
     * Inherits nothing of the thread that happens to start it (a caller, or a thread that just ran a
     * call): no InheritableThreadLocal, no priority, no class loader.
     */
    private static Thread platformThread(Runnable task, AtomicInteger count, ClassLoader loader) {
        Thread thread = new PoolThread(task, THREAD_PREFIX + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY);
        thread.setContextClassLoader(loader);
        return thread;
    }

    /** A platform thread of the default executor, which remembers the name it was given. */
    private static final class PoolThread extends Thread {
        final String givenName;

        PoolThread(Runnable task, String name) {
            super(null, task, name, 0, false);
            this.givenName = name;
        }
    }

    static ThreadFactory platformThreads(ClassLoader loader) {
        AtomicInteger count = new AtomicInteger();
        return task -> platformThread(task, count, loader);
    }

    /** Whether this Java runs virtual threads (21 and later). */
    static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /*
     * The code targets Java 17, which has no virtual threads: the Java 21 API is reached reflectively,
     * once, when the executor is made. Equivalent to
     * Thread.ofVirtual().name("cdi-async-", 1).inheritInheritableThreadLocals(false).factory().
     */
    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, THREAD_PREFIX, 1L);
            builder = builderType.getMethod("inheritInheritableThreadLocals", boolean.class).invoke(builder, false);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Virtual threads are not available on Java " + Runtime.version(), e);
        }
    }
}
