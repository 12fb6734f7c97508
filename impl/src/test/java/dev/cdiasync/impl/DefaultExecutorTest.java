package dev.cdiasync.impl;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The default executor without a container: a plain pool of named daemon threads, or a virtual thread per task with
 * an optional limit that racing submitters never exceed; no thread outlives its shutdown.
 */
class DefaultExecutorTest {

    private static Settings settings(String threads, boolean virtual) {
        try {
            if (threads != null) {
                System.setProperty(Settings.THREADS, threads);
            }
            System.setProperty(Settings.VIRTUAL_THREADS, String.valueOf(virtual));
            return Settings.read(problem -> {
                throw new AssertionError(problem);
            });
        } finally {
            System.clearProperty(Settings.VIRTUAL_THREADS);
            System.clearProperty(Settings.THREADS);
        }
    }

    @Test
    void aPoolOfNamedDaemonThreadsThatAreReused() throws Exception {
        ExecutorService pool = DefaultExecutor.create(settings("2", false));
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        Set<String> wrong = ConcurrentHashMap.newKeySet();
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            pool.execute(() -> {
                Thread thread = Thread.currentThread();
                if (!thread.getName().matches("cdi-async-\\d+") || !thread.isDaemon()) {
                    wrong.add(thread.getName());
                }
                threads.add(thread);
                done.countDown();
            });
        }
        assertTrue(done.await(30, SECONDS));
        assertTrue(wrong.isEmpty(), "daemons named cdi-async-N: " + wrong);
        assertTrue(threads.size() <= 2, "at most dev.cdiasync.threads threads: " + threads);
        stop(pool);
        threads.forEach(thread -> assertFalse(thread.isAlive(), thread + " outlived shutdown"));
    }

    @Test
    void virtualThreadsWithALimitNeverRunMoreTasksAtOnceThanTheLimit() throws Exception {
        assumeTrue(DefaultExecutor.VirtualThreads.available(), "virtual threads need Java 21+");
        int limit = 3;
        ExecutorService executor = DefaultExecutor.create(settings(String.valueOf(limit), true));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        int tasks = 2_000;
        CountDownLatch done = new CountDownLatch(tasks);
        Runnable task = () -> {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            threads.add(Thread.currentThread());
            Thread.yield();
            running.decrementAndGet();
            done.countDown();
        };
        Thread[] submitters = new Thread[4];
        for (int s = 0; s < submitters.length; s++) {
            submitters[s] = new Thread(() -> {
                for (int i = 0; i < tasks / submitters.length; i++) {
                    executor.execute(task);
                }
            });
            submitters[s].start();
        }
        for (Thread submitter : submitters) {
            submitter.join();
        }
        assertTrue(done.await(60, SECONDS), "every task ran");
        assertTrue(most.get() <= limit, "at most " + limit + " at once, saw " + most.get());
        assertEquals(tasks, threads.size(), "a thread of its own per task");
        stop(executor);
        threads.forEach(thread -> assertFalse(thread.isAlive(), thread + " outlived shutdown"));
    }

    @Test
    void virtualThreadsWithoutALimitRunEveryTaskAtOnceWithTheDeploymentsClassLoader() throws Exception {
        assumeTrue(DefaultExecutor.VirtualThreads.available(), "virtual threads need Java 21+");
        ExecutorService executor = DefaultExecutor.create(settings(null, true));
        int tasks = 500;
        CountDownLatch allStarted = new CountDownLatch(tasks);
        CountDownLatch release = new CountDownLatch(1);
        Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();
        ClassLoader deployment = Thread.currentThread().getContextClassLoader();
        ClassLoader caller = new ClassLoader(null) {
        };
        Thread.currentThread().setContextClassLoader(caller); // not inherited by the threads
        try {
            for (int i = 0; i < tasks; i++) {
                executor.execute(() -> {
                    loaders.add(Thread.currentThread().getContextClassLoader());
                    allStarted.countDown();
                    try {
                        release.await(30, SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
        } finally {
            Thread.currentThread().setContextClassLoader(deployment);
        }
        assertTrue(allStarted.await(30, SECONDS), "no limit: every task runs at once");
        release.countDown();
        assertEquals(Set.of(deployment), loaders, "the loader of the thread that made the executor");
        stop(executor);
    }

    @Test
    void settingsDefaultToAPoolOfMinOf32AndCoresPlus4() {
        Settings defaults = settings(null, false);
        assertEquals(Math.min(32, Runtime.getRuntime().availableProcessors() + 4), defaults.threads);
        assertFalse(defaults.threadsSet);
        assertFalse(defaults.virtualThreads);
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdown();
        assertTrue(executor.awaitTermination(30, SECONDS));
        assertTrue(DefaultExecutor.awaitThreads(executor, System.nanoTime() + SECONDS.toNanos(30)));
    }
}
