package dev.cdiasync;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The future every {@link Async @Async} call returns, whatever future type the method declares: a
 * {@link CompletableFuture} with Python's {@code add_done_callback}, done right.
 *
 * <h2>Done-callbacks</h2>
 * When this future becomes done, by {@link #complete}, {@link #completeExceptionally},
 * {@link #cancel}, {@link #orTimeout}, {@link #completeOnTimeout} or {@link #completeAsync}, its
 * callbacks run:
 * <ul>
 * <li><b>exactly once each</b>, on success, on failure and on cancellation alike; the
 * {@code obtrude} methods never run them again;</li>
 * <li><b>in order</b>: first the task's {@link OnDone @OnDone} callbacks in their declared order,
 * then those added with {@link #addDoneCallback} in the order they were added;</li>
 * <li><b>on the thread that completed the future</b>, after its outcome is set (so
 * {@link #get()} in a callback never blocks). A thread blocked in {@code get()} or
 * {@code join()} is released when the outcome is set, which may be before the callbacks have
 * run. For the future of an {@code @Async} call, a completion on a thread the application did not
 * choose (the JDK's timer thread of {@code orTimeout}, the thread completing a stage the body
 * returned) sets the outcome there and hands the callbacks to the call's executor.</li>
 * </ul>
 * A callback added while the completing thread is still running the callbacks joins the end of the
 * queue and is run by that thread; a callback added after all have run runs at once on the thread
 * that adds it. The order therefore holds even when adding races completion.
 *
 * <h2>Failures</h2>
 * A callback that throws does not stop the callbacks after it and does not change this future: the
 * failure is logged at {@code WARNING} on logger {@code dev.cdiasync} and, for futures made by an
 * {@code @Async} call, reported as a {@link CallbackFailure} event. An {@link Error} is reported the
 * same way and rethrown once the remaining callbacks have run.
 *
 * <h2>Derived stages</h2>
 * The stages made by {@code thenApply}, {@code whenComplete} and the like are plain
 * {@code CompletableFuture}s: done-callbacks belong to the future of the call itself.
 *
 * @param <T> the result type
 */
public class AsyncFuture<T> extends CompletableFuture<T> {

    private static final Logger LOG = Logger.getLogger("dev.cdiasync");

    private static final VarHandle CALLBACKS;
    private static final VarHandle DISPATCHED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            CALLBACKS = lookup.findVarHandle(AsyncFuture.class, "callbacks", Node.class);
            DISPATCHED = lookup.findVarHandle(AsyncFuture.class, "dispatched", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Marks the callback stack once the dispatching thread has run every callback. */
    private static final Node CLOSED = new Node(null, null);

    private final String taskName;

    /*
     * The callbacks added with addDoneCallback and not yet run. Legal values:
     *   null    no callback waiting (before completion, or between two batches of the dispatch);
     *   a Node  a stack of waiting callbacks, the newest first;
     *   CLOSED  the dispatch has finished: a callback added now runs at once on the adding thread.
     * Any thread may push (CAS from null or a Node to a new Node) while the value is not CLOSED.
     * Only the dispatching thread, of which there is exactly one (see 'dispatched'), takes the
     * whole stack (getAndSet to null) and closes it (CAS from null to CLOSED). Because a take is
     * atomic, each batch holds callbacks added after all those of earlier batches: running each
     * batch oldest first keeps the order of adding. Because closing only succeeds on an empty
     * stack, a callback is either taken by the dispatcher or sees CLOSED and runs itself: never
     * both, never neither.
     */
    private volatile Node callbacks;

    /*
     * 0 until a completion claims the dispatch with a CAS to 1. Only the call that moved the
     * future from not done to done tries the claim, so at most one thread dispatches; the CAS
     * guards the obtrude methods, which cannot tell whether they were that call.
     */
    private volatile int dispatched;

    /** Creates a future that no {@code @Async} call made: its {@link #taskName()} is empty. */
    public AsyncFuture() {
        this("");
    }

    /**
     * Creates a future of the named task, for implementations of {@code @Async}.
     *
     * @param taskName the task name, never null
     */
    protected AsyncFuture(String taskName) {
        this.taskName = Objects.requireNonNull(taskName, "taskName");
    }

    /**
     * A future already completed with the value, for {@code @Async} bodies that declare
     * {@code AsyncFuture<T>}.
     *
     * @param value the value
     * @param <T>   the result type
     * @return a completed future
     */
    public static <T> AsyncFuture<T> completed(T value) {
        AsyncFuture<T> future = new AsyncFuture<>();
        future.complete(value);
        return future;
    }

    /**
     * A future already completed with the failure, for {@code @Async} bodies that declare
     * {@code AsyncFuture<T>}.
     *
     * @param failure the failure, never null
     * @param <T>     the result type
     * @return a failed future
     */
    public static <T> AsyncFuture<T> failed(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        AsyncFuture<T> future = new AsyncFuture<>();
        future.completeExceptionally(failure);
        return future;
    }

    /**
     * The name of the task that made this future: the {@link Async#task()} of the method, or its
     * default {@code SimpleClassName.methodName}. Empty for a future no {@code @Async} call made.
     *
     * @return the task name, never null
     */
    public String taskName() {
        return taskName;
    }

    /**
     * Whether the body of the call behind this future has started and this future is not done.
     * Always false for a future no {@code @Async} call made.
     *
     * @return true while the body runs
     */
    public boolean isRunning() {
        return false;
    }

    /**
     * Adds a callback to run once this future is done, after the {@code @OnDone} callbacks and
     * after the callbacks added before it. If this future is already done and its callbacks have
     * run, the callback runs at once on the calling thread; otherwise it runs on the thread that
     * completes the future. It runs exactly once. What it throws is logged and reported, not
     * thrown to the caller, except an {@link Error}.
     *
     * @param callback receives this future, which is done when it is called
     * @return this future
     */
    public AsyncFuture<T> addDoneCallback(Consumer<? super AsyncFuture<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        Node node = null;
        for (;;) {
            Node head = callbacks;
            if (head == CLOSED) {
                Throwable error = runCallback(callback, null);
                if (error != null) {
                    throw (Error) error;
                }
                return this;
            }
            if (node == null) {
                node = new Node(callback, head);
            } else {
                node.next = head;
            }
            if (CALLBACKS.compareAndSet(this, head, node)) {
                return this;
            }
        }
    }

    @Override
    public boolean complete(T value) {
        boolean completed = super.complete(value);
        if (completed) {
            dispatch();
        }
        return completed;
    }

    @Override
    public boolean completeExceptionally(Throwable failure) {
        boolean completed = super.completeExceptionally(failure);
        if (completed) {
            dispatch();
        }
        return completed;
    }

    /**
     * Completes this future as cancelled if it is not done. The callbacks then run at once on the
     * calling thread. With {@code mayInterruptIfRunning}, the body of the {@code @Async} call, if
     * running, is interrupted first and its later outcome ignored.
     *
     * @param mayInterruptIfRunning whether to interrupt a running body
     * @return whether this future is cancelled now
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // CompletableFuture.cancel(b) is completeExceptionally(new CancellationException()), but its
        // result does not tell whether this call did it; the super call below does.
        boolean cancelled = super.completeExceptionally(new CancellationException());
        if (cancelled) {
            // The future is cancelled whatever the interrupt does: its callbacks run even if that fails.
            try {
                if (mayInterruptIfRunning) {
                    interruptTask();
                }
            } catch (RuntimeException refused) {
                LOG.log(Level.WARNING, refused, () -> "Interrupting the body of a cancelled call of task '" + taskName
                        + "' failed; the future is cancelled and its callbacks run");
            } finally {
                dispatch();
            }
            return true;
        }
        return isCancelled();
    }

    @Override
    public void obtrudeValue(T value) {
        boolean wasDone = isDone();
        super.obtrudeValue(value);
        if (!wasDone) {
            dispatch();
        }
    }

    @Override
    public void obtrudeException(Throwable failure) {
        boolean wasDone = isDone();
        super.obtrudeException(failure);
        if (!wasDone) {
            dispatch();
        }
    }

    @Override
    public CompletableFuture<T> completeAsync(Supplier<? extends T> supplier, Executor executor) {
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(executor, "executor");
        // CompletableFuture completes internally here, out of reach of the overrides above.
        executor.execute(() -> {
            if (!isDone()) {
                try {
                    complete(supplier.get());
                } catch (Throwable failure) {
                    completeExceptionally(failure);
                }
            }
        });
        return this;
    }

    /**
     * For implementations of {@code @Async}: completes this future with the value but leaves its
     * callbacks to {@link #runCallbacks()}, so that a completion on a thread the application did not
     * choose (a timer, an I/O thread) can hand them to another thread. The caller must make sure
     * {@code runCallbacks()} is called if this returns true.
     *
     * @param value the value
     * @return whether this call completed the future
     */
    protected final boolean completeWithoutCallbacks(T value) {
        return super.complete(value);
    }

    /**
     * For implementations of {@code @Async}: completes this future with the failure but leaves its
     * callbacks to {@link #runCallbacks()}, as {@link #completeWithoutCallbacks} does.
     *
     * @param failure the failure, never null
     * @return whether this call completed the future
     */
    protected final boolean completeExceptionallyWithoutCallbacks(Throwable failure) {
        return super.completeExceptionally(failure);
    }

    /**
     * For implementations of {@code @Async}: runs the callbacks of this future on the calling thread
     * if it is done and they have not run nor started on another thread; otherwise does nothing. So
     * it may be called more than once: they still run exactly once.
     */
    protected final void runCallbacks() {
        if (isDone()) {
            dispatch();
        }
    }

    /**
     * Hook for implementations of {@code @Async}: called exactly once, on the thread that runs the
     * callbacks (the one that completed this future, or the one that called {@link #runCallbacks()}),
     * after the outcome is set and before the callbacks added with {@link #addDoneCallback} run. The
     * default does nothing.
     */
    protected void done() {
    }

    /**
     * Hook for implementations of {@code @Async}: called exactly once, on the thread that runs the
     * callbacks, after every callback added before the dispatch ended has run (a callback added
     * later runs on the thread that adds it). Called even if a callback threw an {@link Error}. The
     * default does nothing.
     */
    protected void afterDone() {
    }

    /**
     * Hook for implementations of {@code @Async}: called by a {@code cancel(true)} that cancelled
     * this future, before any callback runs, to interrupt the running body. The default does
     * nothing.
     */
    protected void interruptTask() {
    }

    /**
     * Reports a callback added with {@link #addDoneCallback} that threw. The default logs it at
     * {@code WARNING} on logger {@code dev.cdiasync}; implementations of {@code @Async} also fire a
     * {@link CallbackFailure}. It must not throw.
     *
     * @param callback the callback
     * @param failure  what it threw
     */
    protected void callbackFailed(Object callback, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "Done-callback " + callback + " of task '" + taskName
                + "' threw; the next callbacks still run and the future is unchanged");
    }

    /*
     * Runs done() then every callback added before the dispatch closes, on this thread. Called at
     * most once per future: the claim below lets the first caller through.
     */
    private void dispatch() {
        if (!DISPATCHED.compareAndSet(this, 0, 1)) {
            return;
        }
        Throwable error = null;
        try {
            done();
        } catch (Throwable t) {
            error = t;
        }
        for (;;) {
            Node taken = (Node) CALLBACKS.getAndSet(this, null);
            if (taken == null) {
                if (CALLBACKS.compareAndSet(this, null, CLOSED)) {
                    break;
                }
                continue;
            }
            for (Node node = reverse(taken); node != null; node = node.next) {
                error = runCallback(node.callback, error);
            }
        }
        try {
            afterDone();
        } catch (Throwable t) {
            error = keepFirst(error, t);
        }
        if (error != null) {
            throw sneaky(error);
        }
    }

    /* Runs one callback; returns the first Error seen so far (the others are suppressed in it). */
    @SuppressWarnings("unchecked")
    private Throwable runCallback(Consumer<?> callback, Throwable error) {
        try {
            ((Consumer<AsyncFuture<T>>) callback).accept(this);
        } catch (Throwable failure) {
            try {
                callbackFailed(callback, failure);
            } catch (Throwable reporting) {
                failure.addSuppressed(reporting);
                LOG.log(Level.WARNING, "Reporting a failed done-callback failed", failure);
            }
            if (failure instanceof Error) {
                return keepFirst(error, failure);
            }
        }
        return error;
    }

    /* The first failure of a dispatch is the one rethrown; later ones are suppressed in it. */
    private static Throwable keepFirst(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /* Reverses a taken stack in place, so that it runs oldest first; the dispatcher owns it now. */
    private static Node reverse(Node head) {
        Node previous = null;
        while (head != null) {
            Node next = head.next;
            head.next = previous;
            previous = head;
            head = next;
        }
        return previous;
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneaky(Throwable t) throws E {
        throw (E) t;
    }

    @Override
    public String toString() {
        String state = super.toString();
        return taskName.isEmpty() ? state : state + "[task " + taskName + "]";
    }

    /** A callback waiting in the stack. */
    private static final class Node {
        final Consumer<?> callback;
        Node next;

        Node(Consumer<?> callback, Node next) {
            this.callback = callback;
            this.next = next;
        }
    }
}
