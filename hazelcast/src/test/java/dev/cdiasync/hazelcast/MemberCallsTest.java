package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The member's side of cancel(true), without Hazelcast: a cancel and the task's arrival and start, raced. */
class MemberCallsTest {

    @Test
    void aCancelThatComesFirstKeepsTheBodyFromStartingAndLeavesNothing() {
        MemberCalls calls = new MemberCalls();
        assertEquals("not arrived", calls.cancel("a"));
        calls.arrived("a");
        assertFalse(calls.start("a", Thread.currentThread()));

        calls.arrived("b");
        assertEquals("waiting", calls.cancel("b"));
        assertEquals("cancelled", calls.cancel("b"));
        assertFalse(calls.start("b", Thread.currentThread()));

        assertEquals(0, calls.size());
    }

    @Test
    void aCancelOfARunningBodyInterruptsItAndNoInterruptOutlivesIt() {
        MemberCalls calls = new MemberCalls();
        calls.arrived("a");
        assertTrue(calls.start("a", Thread.currentThread()));
        assertEquals("running", calls.cancel("a"));
        assertTrue(Thread.currentThread().isInterrupted());
        calls.ended("a", Thread.currentThread());
        assertFalse(Thread.currentThread().isInterrupted(), "the thread goes back to Hazelcast's pool clean");
        assertEquals(0, calls.size());
    }

    /*
     * A cancel races the task's arrival and start. Whichever wins: a body that started is interrupted (it
     * spins until the cancel returned, so the cancel always finds it running), one that did not start never
     * will, the thread ends without our interrupt, and no entry is left.
     */
    @Test
    void aCancelRacingArrivalAndStart() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            MemberCalls calls = new MemberCalls();
            int started = 0;
            int refused = 0;
            for (int i = 0; i < 20_000; i++) {
                String id = "call-" + i;
                CountDownLatch go = new CountDownLatch(1);
                boolean[] cancelReturned = new boolean[1];
                Object lock = new Object();
                Future<String> body = threads.submit(() -> {
                    go.await();
                    calls.arrived(id);
                    Thread self = Thread.currentThread();
                    if (!calls.start(id, self)) {
                        return "refused";
                    }
                    while (true) {
                        synchronized (lock) {
                            if (cancelReturned[0]) {
                                break;
                            }
                        }
                        Thread.onSpinWait();
                    }
                    boolean interrupted = self.isInterrupted();
                    calls.ended(id, self);
                    return (interrupted ? "interrupted" : "not interrupted") + (self.isInterrupted() ? ", left set" : "");
                });
                Future<String> cancel = threads.submit(() -> {
                    go.await();
                    String found = calls.cancel(id);
                    synchronized (lock) {
                        cancelReturned[0] = true;
                    }
                    return found;
                });
                go.countDown();
                String ran = body.get(1, TimeUnit.MINUTES);
                String found = cancel.get(1, TimeUnit.MINUTES);
                if (ran.equals("refused")) {
                    refused++;
                    assertTrue(found.equals("not arrived") || found.equals("waiting"), found);
                } else {
                    started++;
                    assertEquals("running", found);
                    assertEquals("interrupted", ran);
                }
                assertEquals(0, calls.size(), "no entry is left");
            }
            System.out.println("MemberCallsTest: " + started + " bodies started and were interrupted, " + refused
                    + " never started");
        } finally {
            threads.shutdownNow();
        }
    }
}
