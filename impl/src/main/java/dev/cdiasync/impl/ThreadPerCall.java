package dev.cdiasync.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor that runs each task on a new thread started for that task alone, at most {@code limit}
 * at once; the tasks beyond wait in a queue, in submission order. A thread never runs a second task,
 * so nothing a task leaves on its thread (ThreadLocals, the interrupt flag, the context class loader)
 * reaches another. With virtual threads this costs a fraction of a microsecond per task; with
 * platform threads, tens of microseconds, which is why {@link DefaultExecutor} prefers a pool that
 * erases its threads' ThreadLocals where Java allows it.
 *
 * <p>The threads are made by the factory, which must not let them inherit the creating thread's
 * InheritableThreadLocals: a finishing thread starts the next one.
 */
final class ThreadPerCall extends AbstractExecutorService {

    private static final int RUNNING = 0;
    private static final int SHUTDOWN = 1;
    private static final int STOP = 2;

    private final int limit;
    private final ThreadFactory factory;
    private final ClassLoader loader;

    /*
     * Invariants, kept by the methods below:
     * (1) started <= limit. `started` counts the threads started and not yet past their last use of
     *     this executor; a thread is started only by the compareAndSet that raised `started` from a
     *     value below the limit, and lowers it once, as the last thing it does but starting another.
     * (2) No task waits while a thread could start. execute() offers its task and then reads `started`;
     *     a finishing thread lowers `started` and then reads the queue. Both are volatile writes
     *     followed by volatile reads of the other's variable, so at least one of the two sees both
     *     writes and starts a thread (startOne). A started thread polls once; one that finds nothing
     *     calls startOne again on its way out, so no start is lost to a race between pollers.
     * (3) A task runs at most once: it leaves the queue only by poll() (one per thread), by
     *     shutdownNow()'s drain, or by execute()'s own remove() when it refuses the task, and each
     *     of those removes it at most once.
     * (4) Termination is signalled only when state is not RUNNING, no thread is started and the queue
     *     is empty; execute() refuses once state is not RUNNING and takes back its task if it raced
     *     with shutdown, so no task is accepted after that.
     */
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final CountDownLatch terminated = new CountDownLatch(1);

    /* The threads running a task, for shutdownNow() to interrupt. */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    /*
     * Threads that finished their task but may not have ended yet: awaitThreads() joins them. Each
     * start forgets up to two that have ended, so this holds about as many threads as are ending.
     */
    private final ConcurrentLinkedQueue<Thread> ending = new ConcurrentLinkedQueue<>();

    ThreadPerCall(int limit, ThreadFactory factory, ClassLoader loader) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit " + limit);
        }
        this.limit = limit;
        this.factory = factory;
        this.loader = loader;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (state.get() != RUNNING) {
            throw refused(task);
        }
        queue.offer(task);
        if (state.get() != RUNNING && queue.remove(task)) {
            tryTerminate();
            throw refused(task);
        }
        try {
            startOne();
        } catch (RuntimeException | Error e) {
            if (queue.remove(task)) {
                throw new RejectedExecutionException("Cannot start a thread for " + task, e);
            }
            // another thread took the task and runs it: the call is not refused
        }
    }

    private RejectedExecutionException refused(Runnable task) {
        return new RejectedExecutionException("The default @Async executor is shut down; refused " + task);
    }

    /* Starts one thread if a task waits and the limit allows; see invariant (2). */
    private void startOne() {
        for (;;) {
            int now = started.get();
            if (now >= limit || queue.isEmpty() || state.get() == STOP) {
                return;
            }
            if (started.compareAndSet(now, now + 1)) {
                break;
            }
        }
        forgetEnded();
        Thread thread;
        try {
            thread = factory.newThread(this::runOne);
            thread.start();
        } catch (Throwable e) {
            // No thread: give the slot back. The task stays queued for the next start, and the
            // caller hears of it (execute() throws, as a pool that cannot grow does).
            started.decrementAndGet();
            tryTerminate();
            throw e;
        }
    }

    private void runOne() {
        Thread self = Thread.currentThread();
        if (self.getContextClassLoader() != loader) {
            self.setContextClassLoader(loader);
        }
        try {
            Runnable task = state.get() == STOP ? null : queue.poll();
            if (task != null) {
                running.add(self);
                if (state.get() == STOP) {
                    self.interrupt(); // shutdownNow() may have looked at `running` before the add
                }
                task.run();
            }
        } finally {
            running.remove(self);
            ending.offer(self); // before `started` falls, so that awaitThreads() after termination finds it
            started.decrementAndGet();
            tryTerminate();
            startOne();
        }
    }

    private void forgetEnded() {
        for (int i = 0; i < 2; i++) {
            Thread old = ending.poll();
            if (old == null) {
                return;
            }
            if (old.isAlive()) {
                ending.offer(old);
                return;
            }
        }
    }

    private void tryTerminate() {
        if (state.get() != RUNNING && started.get() == 0 && queue.isEmpty()) {
            terminated.countDown();
        }
    }

    @Override
    public void shutdown() {
        state.compareAndSet(RUNNING, SHUTDOWN);
        tryTerminate();
    }

    @Override
    public List<Runnable> shutdownNow() {
        state.set(STOP);
        List<Runnable> left = new ArrayList<>();
        for (Runnable task; (task = queue.poll()) != null; ) {
            left.add(task);
        }
        for (Thread thread : running) {
            thread.interrupt();
        }
        tryTerminate();
        return left;
    }

    @Override
    public boolean isShutdown() {
        return state.get() != RUNNING;
    }

    @Override
    public boolean isTerminated() {
        return terminated.getCount() == 0;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    /**
     * After termination, waits until every thread this executor started has ended, or the deadline
     * passes: termination is signalled by the last thread just before it returns.
     *
     * @return whether they all ended
     */
    boolean awaitThreads(long deadlineNanos) throws InterruptedException {
        for (Thread thread : ending) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (thread.isAlive()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "ThreadPerCall[limit=" + (limit == Integer.MAX_VALUE ? "none" : limit) + ", running=" + started.get()
                + ", queued=" + queue.size() + ", state=" + state.get() + "]";
    }
}
