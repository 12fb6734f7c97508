package dev.cdiasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

/** Races addDoneCallback against completion on plain threads, many rounds, and proves each callback runs exactly once and in order. */
class AsyncFutureRaceTest {

    private static final int ROUNDS = 20_000;
    private static final int PER_REGISTRAR = 3;

    /**
     * The callbacks of one round. Callback ids: 0 is added before the race; registrar r adds
     * 1 + r * PER_REGISTRAR ... in ascending order. Each run records how often it ran, its place in
     * the global order of runs, and its thread.
     */
    static final class Round {
        final AsyncFuture<String> future = new AsyncFuture<>();
        final AtomicIntegerArray runs;
        final AtomicIntegerArray position;
        final AtomicReferenceArray<Thread> thread;
        final AtomicInteger sequence = new AtomicInteger();
        final AtomicReference<Thread> winner = new AtomicReference<>();
        final boolean[] won = new boolean[2];

        Round(int callbacks) {
            runs = new AtomicIntegerArray(callbacks);
            position = new AtomicIntegerArray(callbacks);
            thread = new AtomicReferenceArray<>(callbacks);
        }

        void add(int id) {
            future.addDoneCallback(f -> {
                if (!f.isDone()) {
                    throw new AssertionError("callback " + id + " ran before the future was done");
                }
                position.set(id, sequence.getAndIncrement());
                thread.set(id, Thread.currentThread());
                runs.incrementAndGet(id);
            });
        }
    }

    /** Runs the actors of each round in step: all start together, and the round is checked once all returned. */
    private static void race(int rounds, Runnable setUp, Runnable check, IntConsumer... actors) throws Exception {
        CyclicBarrier start = new CyclicBarrier(actors.length + 1);
        CyclicBarrier end = new CyclicBarrier(actors.length + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < actors.length; i++) {
            IntConsumer actor = actors[i];
            Thread thread = new Thread(() -> {
                try {
                    for (int round = 0; round < rounds; round++) {
                        start.await(30, TimeUnit.SECONDS);
                        try {
                            actor.accept(round);
                        } catch (Throwable t) {
                            failure.compareAndSet(null, t);
                        }
                        end.await(30, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                    failure.compareAndSet(null, e);
                }
            }, "racer-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        try {
            for (int round = 0; round < rounds; round++) {
                setUp.run();
                start.await(30, TimeUnit.SECONDS);
                end.await(30, TimeUnit.SECONDS);
                if (failure.get() != null) {
                    throw new AssertionError("round " + round + " failed", failure.get());
                }
                check.run();
            }
        } finally {
            start.reset();
            end.reset();
            for (Thread thread : threads) {
                thread.join(30_000);
                assertFalse(thread.isAlive(), thread + " did not end");
            }
        }
    }

    private volatile Round round;

    @Test
    void addingRacingEachKindOfCompletionRunsEveryCallbackOnceAndInOrder() throws Exception {
        int callbacks = 1 + 2 * PER_REGISTRAR;
        AtomicInteger completedByHand = new AtomicInteger();
        AtomicInteger ranOnRegistrar = new AtomicInteger();
        race(ROUNDS,
                () -> {
                    round = new Round(callbacks);
                    round.add(0);
                },
                () -> {
                    Round r = round;
                    for (int id = 0; id < callbacks; id++) {
                        assertEquals(1, r.runs.get(id), "callback " + id + " ran " + r.runs.get(id) + " times");
                    }
                    assertEquals(0, r.position.get(0), "the callback added first must run first");
                    for (int registrar = 0; registrar < 2; registrar++) {
                        int first = 1 + registrar * PER_REGISTRAR;
                        for (int id = first + 1; id < first + PER_REGISTRAR; id++) {
                            assertTrue(r.position.get(id - 1) < r.position.get(id),
                                    "registrar " + registrar + ": callback " + id + " ran before " + (id - 1));
                        }
                    }
                    // Nothing runs on a registering thread before the dispatch has run all it took.
                    Thread completer = r.thread.get(0);
                    int lastOnCompleter = -1;
                    int firstElsewhere = Integer.MAX_VALUE;
                    for (int id = 0; id < callbacks; id++) {
                        if (r.thread.get(id) == completer) {
                            lastOnCompleter = Math.max(lastOnCompleter, r.position.get(id));
                        } else {
                            firstElsewhere = Math.min(firstElsewhere, r.position.get(id));
                            ranOnRegistrar.incrementAndGet();
                        }
                    }
                    assertTrue(lastOnCompleter < firstElsewhere, "a callback ran on its registering thread while"
                            + " the completing thread was still dispatching");
                    completedByHand.incrementAndGet();
                },
                registrar(0), registrar(1),
                index -> {
                    Round r = round;
                    switch (index % 4) {
                        case 0 -> assertTrue(r.future.complete("value"));
                        case 1 -> assertTrue(r.future.completeExceptionally(new IllegalStateException("failed")));
                        case 2 -> assertTrue(r.future.cancel(true));
                        default -> assertTrue(r.future.cancel(false));
                    }
                    assertSame(Thread.currentThread(), r.thread.get(0), "the completing thread runs the callbacks");
                });
        assertEquals(ROUNDS, completedByHand.get());
        // Shown, not asserted: how often the race went the other way (callbacks run by their registrar).
        System.out.println(ranOnRegistrar.get() + " of " + ROUNDS * callbacks + " callbacks ran on their registering thread");
    }

    private IntConsumer registrar(int registrar) {
        return index -> {
            Round r = round;
            for (int k = 0; k < PER_REGISTRAR; k++) {
                r.add(1 + registrar * PER_REGISTRAR + k);
            }
        };
    }

    @Test
    void twoCompletionsRacingRunTheCallbacksOnceOnTheWinningThread() throws Exception {
        int callbacks = 2;
        AtomicInteger secondWins = new AtomicInteger();
        race(ROUNDS,
                () -> {
                    round = new Round(callbacks);
                    round.add(0);
                },
                () -> {
                    Round r = round;
                    assertEquals(1, r.runs.get(0), "callback added before ran " + r.runs.get(0) + " times");
                    assertEquals(1, r.runs.get(1), "callback added during the race ran " + r.runs.get(1) + " times");
                    assertTrue(r.position.get(0) < r.position.get(1));
                    assertTrue(r.won[0] ^ r.won[1], "exactly one completion must win: " + r.won[0] + " " + r.won[1]);
                    Thread dispatcher = r.thread.get(0);
                    assertSame(r.winner.get(), dispatcher, "the winning completion runs the callbacks");
                    Object outcome = r.future.isCancelled() ? "cancelled"
                            : r.future.isCompletedExceptionally() ? "failed" : r.future.join();
                    assertEquals(r.won[0] ? "one" : r.future.isCancelled() ? "cancelled" : "failed", outcome);
                    if (r.won[1]) {
                        secondWins.incrementAndGet();
                    }
                },
                index -> {
                    Round r = round;
                    if (r.future.complete("one")) {
                        r.won[0] = true;
                        r.winner.set(Thread.currentThread());
                    }
                },
                index -> {
                    Round r = round;
                    boolean won = index % 2 == 0
                            ? r.future.cancel(true)
                            : r.future.completeExceptionally(new IllegalStateException("two"));
                    if (won) {
                        r.won[1] = true;
                        r.winner.set(Thread.currentThread());
                    }
                },
                index -> round.add(1));
        // Not asserted (a scheduler may favour one side), only shown: how often each side won.
        System.out.println("second completion won " + secondWins.get() + " of " + ROUNDS + " rounds");
    }

    @Test
    void obtrudeRacingCompleteNeverRunsTheCallbacksTwice() throws Exception {
        int callbacks = 2;
        race(ROUNDS,
                () -> {
                    round = new Round(callbacks);
                    round.add(0);
                },
                () -> {
                    Round r = round;
                    assertEquals(1, r.runs.get(0), "callback ran " + r.runs.get(0) + " times");
                    assertEquals(1, r.runs.get(1), "callback ran " + r.runs.get(1) + " times");
                    assertTrue(r.position.get(0) < r.position.get(1));
                },
                index -> round.future.complete("completed"),
                index -> round.future.obtrudeValue("obtruded"),
                index -> round.add(1));
    }

    @Test
    void noThreadOfItsOwnIsLeftBehind() throws Exception {
        Set<Thread> before = liveThreads();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch allDone = new CountDownLatch(2_000);
        for (int i = 0; i < 2_000; i++) {
            AsyncFuture<String> future = new AsyncFuture<>();
            future.addDoneCallback(f -> {
                calls.incrementAndGet();
                allDone.countDown();
            });
            switch (i % 4) {
                case 0 -> future.completeAsync(() -> "value", executor);
                case 1 -> future.orTimeout(1, TimeUnit.HOURS).complete("value"); // the timer is cancelled
                case 2 -> future.completeOnTimeout("value", 1, TimeUnit.HOURS).cancel(true);
                default -> future.complete("value");
            }
        }
        assertTrue(allDone.await(30, TimeUnit.SECONDS), "not every future's callback ran");
        executor.shutdown();
        assertTrue(executor.awaitTermination(30, TimeUnit.SECONDS));
        // callbacks of completeAsync ran on the executor, which has ended: all ran
        assertEquals(2_000, calls.get());

        Set<Thread> after = liveThreads();
        after.removeAll(before);
        // The JDK's shared pool and delay scheduler are the JDK's, not this library's.
        after.removeIf(t -> t.getName().startsWith("ForkJoinPool") || t.getName().startsWith("CompletableFuture"));
        if (!after.isEmpty()) {
            fail("threads left behind: " + after);
        }
    }

    private static Set<Thread> liveThreads() {
        Set<Thread> threads = new HashSet<>(Thread.getAllStackTraces().keySet());
        threads.removeIf(t -> !t.isAlive());
        return threads;
    }
}
