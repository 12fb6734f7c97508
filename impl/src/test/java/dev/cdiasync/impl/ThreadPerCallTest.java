package dev.cdiasync.impl;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Races submitters against each other, against finishing threads and against shutdown, and checks the invariants
 * ThreadPerCall states: every accepted task runs exactly once, each on a thread of its own, never more than the limit
 * at once; no refused task runs; termination comes, and then no thread of the executor is alive.
 */
class ThreadPerCallTest {

    private static final int SUBMITTERS = 4;

    private static ThreadPerCall executor(int limit) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new ThreadPerCall(limit, DefaultExecutor.platformThreads(loader), loader);
    }

    /** A task that records that it ran, on which thread, and how many tasks ran with it. */
    private static final class Probe {
        final AtomicIntegerArray runs;
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger sharedThread = new AtomicInteger();

        Probe(int tasks) {
            runs = new AtomicIntegerArray(tasks);
        }

        Runnable task(int index) {
            return () -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                if (!threads.add(Thread.currentThread())) {
                    sharedThread.incrementAndGet();
                }
                runs.incrementAndGet(index);
                Thread.yield();
                now.decrementAndGet();
            };
        }
    }

    private static void race(Runnable... parts) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(parts.length);
        List<Thread> threads = new ArrayList<>();
        for (Runnable part : parts) {
            Thread thread = new Thread(() -> {
                try {
                    start.await(30, SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                part.run();
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(SECONDS.toMillis(60));
            assertFalse(thread.isAlive(), "a racing thread is stuck");
        }
    }

    @ParameterizedTest(name = "limit {0}")
    @ValueSource(ints = {1, 2, 3})
    void concurrentSubmittersEachTaskRunsOnceOnItsOwnThreadWithinTheLimit(int limit) throws Exception {
        int perSubmitter = 500;
        int tasks = SUBMITTERS * perSubmitter;
        ThreadPerCall executor = executor(limit);
        Probe probe = new Probe(tasks);
        Runnable[] submitters = new Runnable[SUBMITTERS];
        for (int s = 0; s < SUBMITTERS; s++) {
            int first = s * perSubmitter;
            submitters[s] = () -> {
                for (int i = first; i < first + perSubmitter; i++) {
                    executor.execute(probe.task(i));
                }
            };
        }
        race(submitters);
        executor.shutdown();
        assertTrue(executor.awaitTermination(60, SECONDS), "terminates once the queue is empty: " + executor);
        assertTrue(DefaultExecutor.awaitThreads(executor, System.nanoTime() + SECONDS.toNanos(30)), "every thread ended");
        for (int i = 0; i < tasks; i++) {
            assertEquals(1, probe.runs.get(i), "task " + i);
        }
        assertEquals(0, probe.sharedThread.get(), "a thread ran a second task");
        assertEquals(tasks, probe.threads.size());
        assertTrue(probe.most.get() <= limit, "at most " + limit + " at once, saw " + probe.most.get());
        for (Thread thread : probe.threads) {
            assertFalse(thread.isAlive(), thread + " outlived termination");
        }
    }

    @RepeatedTest(20)
    void shutdownRacingSubmittersNeitherLosesNorRunsARefusedTask() throws Exception {
        int perSubmitter = 100;
        int tasks = SUBMITTERS * perSubmitter;
        ThreadPerCall executor = executor(2);
        Probe probe = new Probe(tasks);
        AtomicIntegerArray accepted = new AtomicIntegerArray(tasks);
        Runnable[] parts = new Runnable[SUBMITTERS + 1];
        for (int s = 0; s < SUBMITTERS; s++) {
            int first = s * perSubmitter;
            parts[s] = () -> {
                for (int i = first; i < first + perSubmitter; i++) {
                    try {
                        executor.execute(probe.task(i));
                        accepted.set(i, 1);
                    } catch (RejectedExecutionException refused) {
                        // after shutdown: the task must never run
                    }
                }
            };
        }
        parts[SUBMITTERS] = () -> {
            Thread.yield();
            executor.shutdown();
        };
        race(parts);
        assertTrue(executor.awaitTermination(60, SECONDS), "terminates: " + executor);
        assertTrue(DefaultExecutor.awaitThreads(executor, System.nanoTime() + SECONDS.toNanos(30)), "every thread ended");
        for (int i = 0; i < tasks; i++) {
            assertEquals(accepted.get(i), probe.runs.get(i), "task " + i + (accepted.get(i) == 1 ? " was accepted" : " was refused"));
        }
        assertTrue(probe.most.get() <= 2);
    }

    /*
     * Termination races the last threads: a finishing thread hands its slot to the next queued task while
     * other threads call shutdown() and look at the executor. Whenever the executor says it has terminated,
     * every task it accepted has finished, and no thread it started is still running a task.
     */
    @Test
    void terminationIsNeverSeenBeforeTheLastAcceptedTaskHasFinished() throws Exception {
        for (int round = 0; round < 1000; round++) {
            terminationRound(round);
        }
    }

    private static void terminationRound(int round) throws Exception {
        ThreadPerCall executor = executor(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger finishedAtTermination = new AtomicInteger(-1);
        Runnable task = () -> {
            Thread.yield();
            finished.incrementAndGet();
        };
        Runnable watch = () -> {
            while (!executor.isTerminated()) {
                Thread.onSpinWait();
            }
            finishedAtTermination.set(finished.get());
        };
        Runnable submit = () -> {
            for (int i = 0; i < 3; i++) {
                try {
                    executor.execute(task);
                    accepted.incrementAndGet();
                } catch (RejectedExecutionException refused) {
                    return;
                }
            }
        };
        race(submit, executor::shutdown, executor::shutdown, watch);
        assertTrue(executor.awaitTermination(30, SECONDS));
        assertEquals(accepted.get(), finishedAtTermination.get(),
                "round " + round + ": accepted tasks finished when termination was seen");
        assertEquals(accepted.get(), finished.get());
    }

    @Test
    void shutdownNowInterruptsTheRunningAndHandsBackTheQueued() throws Exception {
        ThreadPerCall executor = executor(2);
        CountDownLatch bothRunning = new CountDownLatch(2);
        AtomicInteger interrupted = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            executor.execute(() -> {
                bothRunning.countDown();
                try {
                    Thread.sleep(SECONDS.toMillis(60));
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                }
            });
        }
        AtomicInteger queuedRan = new AtomicInteger();
        for (int i = 0; i < 5; i++) {
            executor.execute(queuedRan::incrementAndGet);
        }
        assertTrue(bothRunning.await(30, SECONDS));
        assertEquals(5, executor.shutdownNow().size(), "the queued tasks are handed back");
        assertTrue(executor.awaitTermination(30, SECONDS));
        assertTrue(DefaultExecutor.awaitThreads(executor, System.nanoTime() + SECONDS.toNanos(30)));
        assertEquals(2, interrupted.get(), "both running tasks were interrupted");
        assertEquals(0, queuedRan.get(), "a handed-back task never runs");
        assertThrows(RejectedExecutionException.class, () -> executor.execute(() -> { }));
    }

    @Test
    void aThreadStartedByAFinishingThreadInheritsNothingFromIt() throws Exception {
        InheritableThreadLocal<String> inheritable = new InheritableThreadLocal<>();
        ThreadPerCall executor = executor(1);
        ClassLoader expected = Thread.currentThread().getContextClassLoader();
        AtomicInteger seen = new AtomicInteger();
        AtomicInteger foreignLoader = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(50);
        for (int i = 0; i < 50; i++) {
            executor.execute(() -> {
                if (inheritable.get() != null) {
                    seen.incrementAndGet();
                }
                if (Thread.currentThread().getContextClassLoader() != expected) {
                    foreignLoader.incrementAndGet();
                }
                inheritable.set("left behind");
                Thread.currentThread().setContextClassLoader(new ClassLoader(null) {
                });
                done.countDown();
            });
        }
        assertTrue(done.await(30, SECONDS));
        executor.shutdown();
        assertTrue(executor.awaitTermination(30, SECONDS));
        assertEquals(0, seen.get(), "an InheritableThreadLocal passed from one task's thread to the next");
        assertEquals(0, foreignLoader.get(), "a context class loader passed from one task's thread to the next");
        assertNull(inheritable.get());
    }
}
