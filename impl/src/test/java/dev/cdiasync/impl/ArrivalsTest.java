package dev.cdiasync.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The drain's count of bodies sent by other processes: bodies entering and leaving, raced with the drain's close. */
class ArrivalsTest {

    @Test
    void theDrainWaitsForTheBodiesThatEnteredAndRefusesThoseAfterItClosed() throws Exception {
        for (int round = 0; round < 200; round++) {
            Arrivals arrivals = new Arrivals();
            AtomicBoolean closed = new AtomicBoolean();
            AtomicInteger enteredAfterClose = new AtomicInteger();
            AtomicInteger inside = new AtomicInteger();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> bodies = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread body = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 200; i++) {
                        boolean wasClosed = closed.get();
                        if (arrivals.enter()) {
                            if (wasClosed) {
                                enteredAfterClose.incrementAndGet();
                            }
                            inside.incrementAndGet();
                            Thread.onSpinWait();
                            inside.decrementAndGet();
                            arrivals.exit();
                        }
                    }
                });
                body.start();
                bodies.add(body);
            }
            go.countDown();
            Thread.yield();
            arrivals.close();
            closed.set(true);
            int left = arrivals.awaitIdle(System.nanoTime() + TimeUnit.MINUTES.toNanos(1), 0);
            assertEquals(0, left, "every body that entered before the close has left");
            assertEquals(0, inside.get(), "awaitIdle returned while a body ran");
            for (Thread body : bodies) {
                body.join(TimeUnit.MINUTES.toMillis(1));
            }
            assertEquals(0, enteredAfterClose.get(), "a body entered after close() had returned");
            assertFalse(arrivals.enter());
        }
    }

    @Test
    void awaitIdleGivesUpAtTheDeadline() throws Exception {
        Arrivals arrivals = new Arrivals();
        assertTrue(arrivals.enter());
        assertEquals(1, arrivals.awaitIdle(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20), 0));
        assertEquals(0, arrivals.awaitIdle(System.nanoTime() + TimeUnit.MINUTES.toNanos(1), 1), "its own body");
        arrivals.exit();
        assertEquals(0, arrivals.awaitIdle(System.nanoTime(), 0));
    }
}
