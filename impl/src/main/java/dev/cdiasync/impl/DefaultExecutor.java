package dev.cdiasync.impl;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the library creates when the application declares none: like the pool of Python's
 * {@code ThreadPoolExecutor()}, a fixed number of threads named {@code cdi-async-N} over an
 * unbounded queue. Idle threads end after a minute; the threads are daemons, so a program that
 * forgets to close its container still exits (Weld's shutdown hook then drains the calls).
 */
final class DefaultExecutor extends ThreadPoolExecutor {

    private static final long KEEP_ALIVE_SECONDS = 60;

    DefaultExecutor(int threads) {
        super(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), new Threads());
        allowCoreThreadTimeOut(true);
    }

    private static final class Threads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "cdi-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
