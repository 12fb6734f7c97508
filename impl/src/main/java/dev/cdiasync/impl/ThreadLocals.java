package dev.cdiasync.impl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Erases every {@code ThreadLocal} and {@code InheritableThreadLocal} value of a thread, so that a
 * reused pool thread starts its next call as clean as a new thread would. This is what the JDK does
 * itself after each task of its "innocuous" worker threads ({@code ThreadLocalRandom.eraseThreadLocals}):
 * it drops the thread's two maps, which are created again, empty, when next used.
 *
 * <p>Java has no public API for it and a library cannot open {@code java.lang}, so the two fields are
 * written through {@code sun.misc.Unsafe}, which the {@code jdk.unsupported} module exports for this kind
 * of use. Only where those methods are not deprecated (Java 17 to 22): from Java 23 they are deprecated
 * for removal and from 24 the JDK warns when they are called, and there the default executor gives each
 * call a new virtual thread instead (see {@link DefaultExecutor}). When anything here is missing
 * (a runtime image without {@code jdk.unsupported}, a JVM that refuses), {@link #ERASABLE} is false and
 * the default executor does not reuse threads at all.
 */
final class ThreadLocals {

    private static final Logger LOG = Logger.getLogger(ThreadLocals.class.getName());

    /** The last Java feature release whose {@code sun.misc.Unsafe} field methods are not deprecated. */
    static final int LAST_RELEASE = 22;

    /** {@code Unsafe.putObject(Object, long, Object)}, bound to the instance; null where unusable. */
    private static final MethodHandle PUT;
    private static final long THREAD_LOCALS;
    private static final long INHERITABLE_THREAD_LOCALS;

    /** Whether {@link #erase} works on this JVM. */
    static final boolean ERASABLE;

    static {
        MethodHandle put = null;
        long threadLocals = -1;
        long inheritable = -1;
        if (Runtime.version().feature() <= LAST_RELEASE) {
            try {
                Class<?> type = Class.forName("sun.misc.Unsafe");
                Field instance = type.getDeclaredField("theUnsafe");
                instance.setAccessible(true); // jdk.unsupported opens sun.misc: no flag needed
                Object unsafe = instance.get(null);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle offset = lookup.findVirtual(type, "objectFieldOffset",
                        MethodType.methodType(long.class, Field.class));
                threadLocals = (long) offset.invoke(unsafe, Thread.class.getDeclaredField("threadLocals"));
                inheritable = (long) offset.invoke(unsafe, Thread.class.getDeclaredField("inheritableThreadLocals"));
                put = lookup.findVirtual(type, "putObject",
                        MethodType.methodType(void.class, Object.class, long.class, Object.class)).bindTo(unsafe);
            } catch (Throwable e) {
                LOG.log(Level.FINE, "Cannot erase ThreadLocals on this JVM; the default @Async executor starts a"
                        + " thread per call instead", e);
                put = null;
            }
        }
        PUT = put;
        THREAD_LOCALS = threadLocals;
        INHERITABLE_THREAD_LOCALS = inheritable;
        ERASABLE = put != null;
    }

    private ThreadLocals() {
    }

    /**
     * Drops every ThreadLocal value of the current thread. Only for the threads of the default
     * executor, between two calls: the maps belong to the thread, and only it may touch them.
     */
    static void eraseCurrent() {
        Thread thread = Thread.currentThread();
        try {
            PUT.invokeExact((Object) thread, THREAD_LOCALS, (Object) null);
            PUT.invokeExact((Object) thread, INHERITABLE_THREAD_LOCALS, (Object) null);
        } catch (Throwable e) {
            // putObject declares nothing and the handle's type was checked when it was made
            throw new IllegalStateException(e);
        }
    }
}
