package dev.cdiasync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Records, for one test, which done-callback ran on which thread and in which order. */
final class Recorder {

    /** One call of a callback: its label, the thread it ran on, and whether the future was done then. */
    record Call(String label, Thread thread, boolean futureDone) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final CountDownLatch expected;

    Recorder(int expectedCalls) {
        this.expected = new CountDownLatch(expectedCalls);
    }

    /** A callback that records itself under the label. */
    <T> Consumer<AsyncFuture<T>> callback(String label) {
        return future -> record(label, future);
    }

    void record(String label, AsyncFuture<?> future) {
        synchronized (calls) {
            calls.add(new Call(label, Thread.currentThread(), future.isDone()));
        }
        expected.countDown();
    }

    /** Waits (generously) until the expected number of calls happened; fails if they never do. */
    Recorder awaitCalls() throws InterruptedException {
        if (!expected.await(30, TimeUnit.SECONDS)) {
            throw new AssertionError("callbacks did not all run; so far: " + labels());
        }
        return this;
    }

    List<String> labels() {
        synchronized (calls) {
            return calls.stream().map(Call::label).toList();
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The threads the calls ran on, in call order. */
    List<Thread> threads() {
        synchronized (calls) {
            return new ArrayList<>(calls.stream().map(Call::thread).toList());
        }
    }
}
