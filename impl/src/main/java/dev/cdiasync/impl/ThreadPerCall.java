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
import java.util.concurrent.atomic.AtomicLong;

/**
 * An executor that runs each task on a new thread started for that task alone, at most {@code limit}
 * at once; the tasks beyond wait in a queue, in submission order. A thread never runs a second task,
 * so nothing a task leaves on its thread (ThreadLocals, the interrupt flag, the context class loader)
 * reaches another. With virtual threads this costs under a microsecond per task; with platform
 * threads, tens of microseconds, which is why {@link DefaultExecutor} prefers a pool that
 * erases its threads' ThreadLocals where Java allows it.
 *
 * <p>The threads are made by the factory, which must not let them inherit the creating thread's
 * InheritableThreadLocals: a finishing thread starts the next one. If the factory or {@code start()}
 * fails (out of memory for a new thread), the task stays queued until the next execute() or finishing
 * thread starts one; after shutdown() only shutdownNow() then ends the executor, as with
 * ThreadPoolExecutor. (The library's drain always ends with shutdownNow().)
 */
final class ThreadPerCall extends AbstractExecutorService {

    private final int limit;
    private final ThreadFactory factory;
    private final ClassLoader loader;

    /*
     * `ctl` holds the run state (high 32 bits) and the number of started threads (low 32 bits) in one
     * variable, so that starting a thread and terminating are compareAndSets on the same value: one
     * of two that race fails and looks again. (A state and a count kept apart let a thread start
     * between a terminating thread's read of the count and its read of the queue.)
     *
     * Invariants, kept by the methods below:
     * (1) started <= limit. A thread is started only by the compareAndSet that raised `started` from a
     *     value below the limit, and lowers it once, as the last thing it does but starting another
     *     and trying to terminate.
     * (2) No task waits while a thread could start. execute() offers its task and then reads `ctl`;
     *     a finishing thread lowers `started` and then reads the queue. Both are volatile writes
     *     followed by volatile reads of the other's variable, so at least one of the two sees both
     *     writes and starts a thread (startOne). A started thread polls once; one that finds nothing
     *     calls startOne again on its way out, so no start is lost to a race between pollers.
     * (3) A task runs at most once: it leaves the queue only by poll() (one per thread), by
     *     shutdownNow()'s drain, or by execute()'s own remove() when it refuses the task, and each
     *     of those removes it at most once.
     * (4) TERMINATED is set only by the compareAndSet from (SHUTDOWN or STOP, 0 started) that follows
     *     a read of an empty queue; no thread starts in TERMINATED. A task offered after that read is
     *     offered by an execute() that then sees a state other than RUNNING and takes it back, as no
     *     thread is left to poll it. So no task runs, and no thread lives on, past termination but
     *     the last thread's own return (DefaultExecutor.awaitThreads() joins it).
     */
    private static final long RUNNING = 0;
    private static final long SHUTDOWN = 1L << 32;
    private static final long STOP = 2L << 32;
    private static final long TERMINATED = 3L << 32;
    private static final long STATE = ~0L << 32;

    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final AtomicLong ctl = new AtomicLong(RUNNING);
    private final CountDownLatch terminated = new CountDownLatch(1);

    /* The threads running a task, for shutdownNow() to interrupt. */
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();

    /*
     * Threads that finished their task but may not have ended yet: DefaultExecutor.awaitThreads() joins them. Each
     * start forgets up to two that have ended, so this holds about as many threads as are ending.
     */
    private final ConcurrentLinkedQueue<Thread> ending = new ConcurrentLinkedQueue<>();
    private final Runnable worker = this::runOne;

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
        if (state() != RUNNING) {
            throw refused(task);
        }
        queue.offer(task);
        if (state() != RUNNING && queue.remove(task)) {
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

    private long state() {
        return ctl.get() & STATE;
    }

    /* Starts one thread if a task waits and the limit allows; see invariants (2) and (4). */
    private void startOne() {
        for (;;) {
            long now = ctl.get();
            if ((now & STATE) >= STOP || (now & ~STATE) >= limit || queue.isEmpty()) {
                return;
            }
            if (ctl.compareAndSet(now, now + 1)) {
                break;
            }
        }
        forgetEnded();
        Thread thread;
        try {
            thread = factory.newThread(worker);
            thread.start();
        } catch (Throwable e) {
            // No thread: give the slot back. The task stays queued for the next start, and the
            // caller hears of it (execute() throws, as a pool that cannot grow does).
            ctl.decrementAndGet();
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
            Runnable task = state() >= STOP ? null : queue.poll();
            if (task != null) {
                running.add(self);
                if (state() >= STOP) {
                    self.interrupt(); // shutdownNow() may have looked at `running` before the add
                }
                task.run();
            }
        } finally {
            running.remove(self);
            ending.offer(self); // before `started` falls, so that awaitThreads after termination finds it
            ctl.decrementAndGet();
            startOne();
            tryTerminate();
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

    /* See invariant (4). */
    private void tryTerminate() {
        for (;;) {
            long now = ctl.get();
            if (now != SHUTDOWN && now != STOP) {
                return; // running, threads started, or already terminated
            }
            if (!queue.isEmpty()) {
                return; // a thread will take it, or execute() takes it back and tries again
            }
            if (ctl.compareAndSet(now, TERMINATED)) {
                terminated.countDown();
                return;
            }
        }
    }

    /* Raises the run state to at least `target`, keeping the count of started threads. */
    private void advance(long target) {
        for (;;) {
            long now = ctl.get();
            if ((now & STATE) >= target || ctl.compareAndSet(now, target | (now & ~STATE))) {
                return;
            }
        }
    }

    @Override
    public void shutdown() {
        advance(SHUTDOWN);
        tryTerminate();
    }

    @Override
    public List<Runnable> shutdownNow() {
        advance(STOP);
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
        return state() != RUNNING;
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
     * The threads that finished their task and may not have ended yet; after termination, every
     * thread this executor started that is still alive (termination is signalled by the last thread
     * just before it returns).
     */
    Iterable<Thread> endingThreads() {
        return ending;
    }

    @Override
    public String toString() {
        long now = ctl.get();
        return "ThreadPerCall[limit=" + (limit == Integer.MAX_VALUE ? "none" : limit) + ", started=" + (now & ~STATE)
                + ", queued=" + queue.size() + ", state=" + ((now & STATE) >>> 32) + "]";
    }
}
