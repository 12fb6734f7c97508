package dev.cdiasync.jcstress;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.cdiasync.AsyncFuture;

/**
 * The shared state of the tests: a fresh future, and a trace of its done-callbacks. Callback
 * {@code d} (a digit 1-9) appends {@code d} to {@link #trace()} each time it runs, so a lost call, a
 * double call or a wrong order shows as a different number; it also sets bit {@code d - 1} of
 * {@link #ranOnRegistrar()} when it runs on the thread that called {@link #registering()}.
 */
public class Trace {

    public final AsyncFuture<String> future = new AsyncFuture<>();

    private final AtomicInteger trace = new AtomicInteger();
    private final AtomicInteger onRegistrar = new AtomicInteger();
    private volatile Thread registrar;

    /** Marks the calling thread as the one that registers callbacks while completion races. */
    public void registering() {
        registrar = Thread.currentThread();
    }

    /** A callback that records its digit; it reports -1 forever if it ever sees an undone future. */
    public Consumer<AsyncFuture<String>> callback(int digit) {
        return f -> {
            if (!f.isDone()) {
                trace.set(Integer.MIN_VALUE / 2);
            }
            trace.updateAndGet(t -> t * 10 + digit);
            if (Thread.currentThread() == registrar) {
                onRegistrar.getAndUpdate(bits -> bits | 1 << (digit - 1));
            }
        };
    }

    public int trace() {
        return trace.get();
    }

    public int ranOnRegistrar() {
        return onRegistrar.get();
    }
}
