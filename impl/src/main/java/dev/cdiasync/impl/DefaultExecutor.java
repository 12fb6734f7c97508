package dev.cdiasync.impl;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the executor the library provides when the application declares none. By default, like
 * the pool of Python's {@code ThreadPoolExecutor()}: a fixed number of platform threads named
 * {@code cdi-async-N} over an unbounded queue; idle threads end after a minute, and the threads are
 * daemons, so a program that forgets to close its container still exits (Weld's shutdown hook then
 * drains the calls). With virtual threads (Java 21 and later), one new virtual thread per call,
 * named the same way.
 */
final class DefaultExecutor {

    private static final long KEEP_ALIVE_SECONDS = 60;

    private DefaultExecutor() {
    }

    static ExecutorService create(Settings settings) {
        return settings.virtualThreads ? virtual() : new Pool(settings.threads);
    }


    /**
     * Waits until the threads the executor started have ended, or the deadline passes.
     *
     * @return whether they all ended
     */
    static boolean awaitThreads(ExecutorService executor, long deadlineNanos) throws InterruptedException {
        if (executor instanceof Pool pool) {
            for (Thread thread : pool.threads) {
                long left = deadlineNanos - System.nanoTime();
                if (left > 0) {
                    TimeUnit.NANOSECONDS.timedJoin(thread, left);
                }
                if (thread.isAlive()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The platform pool, which remembers its threads so that shutdown can wait for them to end. */
    private static final class Pool extends ThreadPoolExecutor {
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();

        Pool(int size) {
            super(size, size, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new Threads());
            allowCoreThreadTimeOut(true);
            ((Threads) getThreadFactory()).pool = this;
        }
    }

    private static final class Threads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();
        Pool pool;

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "cdi-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            // Threads end when idle and new ones start: forget the ended ones here, where it is rare.
            pool.threads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
            pool.threads.add(thread);
            return thread;
        }
    }

    /** Whether this Java runs virtual threads (21 and later). */
    static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /*
     * The code targets Java 17, which has no virtual threads: the Java 21 API is reached reflectively,
     * once, when the executor is made. Equivalent to
     * Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("cdi-async-", 1).factory()).
     */
    private static ExecutorService virtual() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "cdi-async-", 1L);
            ThreadFactory factory = (ThreadFactory) builderType.getMethod("factory").invoke(builder);
            Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, factory);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Virtual threads are not available on Java " + Runtime.version(), e);
        }
    }
}
