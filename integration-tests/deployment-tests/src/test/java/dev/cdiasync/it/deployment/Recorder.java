package dev.cdiasync.it.deployment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the callbacks of a deployment that must succeed saw, one recorder per container (an application-scoped bean), each
 * callback recording its name and the result it read while a latch counts the calls.
 */
abstract class Recorder {

    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final CountDownLatch calls;

    Recorder(int expectedCalls) {
        calls = new CountDownLatch(expectedCalls);
    }

    /** Records that the callback ran and the result of the (done) future it received. */
    void record(String callback, Future<?> future) {
        Object result;
        try {
            result = future.get(0, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            result = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = e;
        }
        results.put(callback, result == null ? "null" : result);
        calls.countDown();
    }

    /** Waits, generously, for every expected callback, then returns what each saw. */
    Map<String, Object> awaitResults() throws InterruptedException {
        if (!calls.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("callbacks did not all run within 30 s; those that ran: " + results);
        }
        return Map.copyOf(results);
    }
}
