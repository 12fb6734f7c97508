package dev.cdiasync.bench.vthreads;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.atomic.LongAdder;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** An {@code @Async} task on the library's default executor that blocks its thread, as I/O would. */
@ApplicationScoped
public class BlockingWorker {

    /* Thread.isVirtual() on Java 21+, null on 17 (the code targets 17). */
    private static final MethodHandle IS_VIRTUAL = isVirtual();

    private final LongAdder onVirtualThreads = new LongAdder();

    @Async(task = "block")
    public void block(long millis) throws InterruptedException {
        if (IS_VIRTUAL != null && runsOnVirtualThread()) {
            onVirtualThreads.increment();
        }
        Thread.sleep(millis);
    }

    /** How many bodies ran on a virtual thread so far. */
    public long onVirtualThreads() {
        return onVirtualThreads.sum();
    }

    private static boolean runsOnVirtualThread() {
        try {
            return (boolean) IS_VIRTUAL.invokeExact(Thread.currentThread());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static MethodHandle isVirtual() {
        try {
            return MethodHandles.publicLookup().findVirtual(Thread.class, "isVirtual", MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
