package dev.cdiasync.impl;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Erases the {@code ThreadLocal} and {@code InheritableThreadLocal} values a call left on a reused pool
 * thread, so that the next call finds the thread as a new thread would be. Each entry of the thread's two maps
 * is made stale, as if its {@code ThreadLocal} had been garbage collected: its value is dropped and its key
 * cleared, and the map expunges it at its next use. A {@code get()} then sees the initial value.
 *
 * <p>Kept: the JDK's own {@code TerminatingThreadLocal}s (and the registry of them), which cache native
 * resources per thread, such as the temporary direct buffers of NIO channels, and free them when the thread
 * ends. They hold nothing of the application; dropping them would make every call allocate those buffers
 * again and leave the old ones to the garbage collector.
 *
 * <p>Java has no public API for this and a library cannot open {@code java.lang}, so the fields are read
 * and written through {@code sun.misc.Unsafe}, which the {@code jdk.unsupported} module exports for this
 * kind of use. Only where those methods are not deprecated (Java 17 to {@value #LAST_RELEASE}): from Java 23
 * they are deprecated for removal and from 24 the JDK warns when they are called, and there the default
 * executor gives each call a new virtual thread instead (see {@link DefaultExecutor}). When anything here is
 * missing (a runtime image without {@code jdk.unsupported}, a JVM laid out otherwise), {@link #ERASABLE} is
 * false and the default executor does not reuse threads at all.
 */
final class ThreadLocals {

    private static final Logger LOG = Logger.getLogger(ThreadLocals.class.getName());

    /** The last Java feature release whose {@code sun.misc.Unsafe} field methods are not deprecated. */
    static final int LAST_RELEASE = 22;

    /* Unsafe.getObject(Object, long) and putObject(Object, long, Object), bound to the instance. */
    private static final MethodHandle GET;
    private static final MethodHandle PUT;
    private static final long THREAD_LOCALS;
    private static final long INHERITABLE_THREAD_LOCALS;
    private static final long TABLE;
    private static final long VALUE;
    /* jdk.internal.misc.TerminatingThreadLocal, and its registry of the thread's instances. */
    private static final Class<?> TERMINATING;
    private static final Object REGISTRY;

    /** Whether {@link #eraseCurrent} works on this JVM. */
    static final boolean ERASABLE;

    static {
        MethodHandle get = null;
        MethodHandle put = null;
        long[] offsets = {-1, -1, -1, -1};
        Class<?> terminating = null;
        Object registry = null;
        if (Runtime.version().feature() <= LAST_RELEASE) {
            try {
                Class<?> type = Class.forName("sun.misc.Unsafe");
                Field instance = type.getDeclaredField("theUnsafe");
                instance.setAccessible(true); // jdk.unsupported opens sun.misc: no flag needed
                Object unsafe = instance.get(null);
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                MethodHandle offset = lookup.findVirtual(type, "objectFieldOffset",
                        MethodType.methodType(long.class, Field.class)).bindTo(unsafe);
                Class<?> map = Class.forName("java.lang.ThreadLocal$ThreadLocalMap");
                Class<?> entry = Class.forName("java.lang.ThreadLocal$ThreadLocalMap$Entry");
                offsets[0] = (long) offset.invoke(Thread.class.getDeclaredField("threadLocals"));
                offsets[1] = (long) offset.invoke(Thread.class.getDeclaredField("inheritableThreadLocals"));
                offsets[2] = (long) offset.invoke(map.getDeclaredField("table"));
                offsets[3] = (long) offset.invoke(entry.getDeclaredField("value"));
                get = lookup.findVirtual(type, "getObject",
                        MethodType.methodType(Object.class, Object.class, long.class)).bindTo(unsafe);
                put = lookup.findVirtual(type, "putObject",
                        MethodType.methodType(void.class, Object.class, long.class, Object.class)).bindTo(unsafe);
                terminating = Class.forName("jdk.internal.misc.TerminatingThreadLocal");
                Field registryField = terminating.getDeclaredField("REGISTRY");
                Object base = lookup.findVirtual(type, "staticFieldBase", MethodType.methodType(Object.class, Field.class))
                        .invoke(unsafe, registryField);
                long registryOffset = (long) lookup.findVirtual(type, "staticFieldOffset",
                        MethodType.methodType(long.class, Field.class)).invoke(unsafe, registryField);
                registry = get.invoke(base, registryOffset);
                if (!(registry instanceof ThreadLocal)) {
                    throw new IllegalStateException("TerminatingThreadLocal.REGISTRY is " + registry);
                }
            } catch (Throwable e) {
                LOG.log(Level.FINE, "Cannot erase ThreadLocals on this JVM; the default @Async executor starts a"
                        + " thread per call instead", e);
                get = null;
            }
        }
        ERASABLE = get != null;
        GET = get;
        PUT = put;
        THREAD_LOCALS = offsets[0];
        INHERITABLE_THREAD_LOCALS = offsets[1];
        TABLE = offsets[2];
        VALUE = offsets[3];
        TERMINATING = terminating;
        REGISTRY = registry;
    }

    private ThreadLocals() {
    }

    /**
     * Erases what the application left in the current thread's ThreadLocals. Only for the threads of the
     * default executor, between two calls, on the thread itself: the maps belong to it, and only it may touch
     * them (they are not thread-safe), which is also why nothing else can observe them half erased.
     */
    static void eraseCurrent() {
        Thread thread = Thread.currentThread();
        try {
            erase(GET.invokeExact((Object) thread, THREAD_LOCALS));
            erase(GET.invokeExact((Object) thread, INHERITABLE_THREAD_LOCALS));
        } catch (Throwable e) {
            // getObject and putObject declare nothing, and the handles' types were checked when they were made
            throw new IllegalStateException(e);
        }
    }

    private static void erase(Object map) throws Throwable {
        if (map == null) {
            return;
        }
        Object table = GET.invokeExact(map, TABLE); // invokeExact: the cast must not be part of the call
        for (Object entry : (Object[]) table) {
            if (entry == null) {
                continue;
            }
            Reference<?> key = (Reference<?>) entry;
            Object local = key.get();
            if (local == REGISTRY || (local != null && TERMINATING.isInstance(local))) {
                continue; // the JDK's per-thread native resources: see the class comment
            }
            key.clear();
            PUT.invokeExact(entry, VALUE, (Object) null);
        }
    }
}
