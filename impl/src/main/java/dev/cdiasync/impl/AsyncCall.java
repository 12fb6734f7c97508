package dev.cdiasync.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.spi.RemoteCall;
import dev.cdiasync.spi.RemoteExecutor;
import jakarta.interceptor.InvocationContext;

/**
 * One {@code @Async} call: the future the caller holds and the task its executor runs. Running
 * proceeds with the intercepted invocation on the worker thread, in the call's request context,
 * and completes the future with the body's outcome; cancelling interrupts the body; the completion
 * runs the task's callbacks.
 *
 * <p>Which thread dispatches the callbacks: the worker, when the body's outcome completes the
 * future there (in the request context of the body); the application's thread that calls
 * {@code complete} or {@code cancel}; and the call's executor for completions that would otherwise
 * happen on a thread nobody chose: the JDK's timer thread of {@code orTimeout} and
 * {@code completeOnTimeout}, or the thread that completes a stage the body returned. Only where that
 * executor refuses the hand-off (it is shutting down) does the completion run on that thread, so
 * that the outcome is never lost.
 */
final class AsyncCall<T> extends AsyncFuture<T> implements Runnable, RemoteCall {

    private static final VarHandle RUNNER;
    private static final VarHandle PARTS;
    private static final VarHandle PENDING;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RUNNER = lookup.findVarHandle(AsyncCall.class, "runner", Object.class);
            PARTS = lookup.findVarHandle(AsyncCall.class, "parts", int.class);
            PENDING = lookup.findVarHandle(AsyncCall.class, "pending", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /* Bits of 'parts'. */
    private static final int BODY_STARTED = 1;
    private static final int BODY_ENDED = 2;
    private static final int DISPATCHED = 4;

    /** Runner state: the body has run (or was claimed and found the future done). */
    private static final Object FINISHED = new Object();
    /** Runner state: cancel(true) came first; the body will never start. */
    private static final Object NEVER = new Object();
    /** Runner state: the body was sent to another process; it never runs here. */
    private static final Object REMOTE = new Object();
    /** Runner state: a cancel(true) is interrupting the runner thread. */
    private static final Object INTERRUPTING = new Object();
    /** Pending state: the future is done; what the body returns now is not kept. */
    private static final Object CLEARED = new Object();

    private final CallSite site;

    /* The invocation to proceed with; cleared when the body starts, so a done future keeps nothing of it. */
    private InvocationContext invocation;

    /*
     * Who runs the body. Legal values and moves:
     *   null          not started;         -> the thread (run claims it) or NEVER (cancel(true))
     *   a Thread      the body runs there;  -> FINISHED (the body ended) or INTERRUPTING (cancel(true))
     *   INTERRUPTING  cancel(true) is interrupting that thread; -> FINISHED once interrupt() returned
     *   FINISHED, NEVER  final.
     * Only a CAS from the Thread to INTERRUPTING lets cancel interrupt, so it can never interrupt the
     * thread after the body has ended there (it may be running another task by then). That CAS, the
     * interrupt and the move to FINISHED happen while cancel holds this call's monitor. A runner whose
     * own CAS to FINISHED fails therefore takes the monitor (blocking, not spinning, while the
     * canceller may be descheduled) and, once it has it, knows the interrupt has landed: it clears its
     * interrupt flag, so that the interrupt meant for this body never leaks into the next task on the
     * same thread.
     */
    private volatile Object runner;

    /* The arguments of a call sent to another process, taken from the invocation before it is dropped. */
    private Object[] arguments;

    /*
     * What interrupts the remote body of a call sent to another process. Registered (once) by the
     * remote executor; interruptTask writes interruptRequested before reading it, onInterrupt writes
     * it before reading interruptRequested, so a cancel(true) racing the registration runs it at
     * least once (an interrupter must bear being run twice).
     */
    private volatile Runnable remoteInterrupter;

    /* Where the call is registered in flight; set by the submitting thread before the executor sees the call. */
    volatile int slot = InFlight.NONE;

    /*
     * The unfinished stage (or plain Future) the body returned, for cancel(true) to cancel. Legal
     * values: null (nothing pending yet), the stage, CLEARED (the future is done: final). The worker
     * sets the stage only by a CAS from null, and the dispatch sets CLEARED once the future is done,
     * so a done future never keeps the stage, whichever of the two writes comes first.
     */
    private volatile Object pending;

    /* Set by cancel(true): a stage the body returns later is to be cancelled too (cancel(false) leaves it). */
    private volatile boolean interruptRequested;

    /*
     * The call leaves the in-flight set once both its dispatch has run and its body, if it started,
     * has ended: a future can be done (cancel(false), orTimeout, complete) while its body still runs,
     * and the shutdown drain must still wait for that body. Whoever sets the last of the bits the
     * call needs removes it; a second removal is harmless.
     */
    private volatile int parts;

    /*
     * The worker while it runs this call (in the call's request context); read by the dispatching
     * thread to know whether it is that worker, and so whether the callbacks share the body's
     * request context. Written and read by the worker itself; another thread can never read its own
     * reference here, so the field need not be volatile.
     */
    private Thread worker;

    /*
     * Whether the code meant to run in a request context was reached, to tell a context that could
     * not start from one that could not end: bodyEntered is written and read by the worker alone,
     * dispatchEntered by the one thread that dispatches the callbacks alone.
     */
    private boolean bodyEntered;
    private boolean dispatchEntered;

    AsyncCall(CallSite site, InvocationContext invocation) {
        super(site.taskName);
        this.site = site;
        this.invocation = invocation;
    }

    /**
     * Fails a call that will never run (refused or rejected); its callbacks run on this thread.
     *
     * @return false if the call was already complete (an executor that ran it on this thread)
     */
    boolean refuse(Throwable reason) {
        boolean refused = completeExceptionally(reason); // before dropping the invocation: run() checks isDone()
        invocation = null;
        return refused;
    }

    /** Sends the call to a remote executor: its body runs in another process, its future and callbacks here. */
    void sendTo(RemoteExecutor remote) {
        InvocationContext body = invocation;
        if (body == null) {
            return; // stopped by the drain since it was registered: it never goes out
        }
        arguments = body.getParameters();
        invocation = null;
        // Not if a cancel(true) (the shutdown drain's, say) came first: the body must never start then.
        if (RUNNER.compareAndSet(this, null, REMOTE) && !isDone()) {
            // From now on the body counts as running until the executor reports its outcome (succeed or
            // fail), also when the future is done earlier: the shutdown drain waits for it, as for a local one.
            PARTS.getAndBitwiseOr(this, BODY_STARTED);
            try {
                remote.submit(this);
            } catch (RuntimeException | Error refused) {
                remoteBodyEnded(); // nothing was sent: no body runs, and the refusal completes the call
                throw refused;
            }
        }
    }

    @Override
    public String method() {
        return site.remoteKey;
    }

    @Override
    public String description() {
        return site.description;
    }

    @Override
    public Object[] arguments() {
        return arguments;
    }

    /** The outcome arrives on a thread of the remote executor's: the callbacks are handed to this deployment's. */
    @Override
    @SuppressWarnings("unchecked")
    public boolean succeed(Object value) {
        try {
            if (completeWithoutCallbacks((T) value)) {
                handOffCallbacks();
                return true;
            }
            return false;
        } finally {
            remoteBodyEnded();
        }
    }

    @Override
    public boolean fail(Throwable failure) {
        try {
            if (completeExceptionallyWithoutCallbacks(failure)) {
                handOffCallbacks();
                return true;
            }
            return false;
        } finally {
            remoteBodyEnded();
        }
    }

    /*
     * The remote body's outcome has arrived: nothing is left to interrupt, and the call leaves the
     * in-flight set once its dispatch has run too (see 'parts').
     */
    private void remoteBodyEnded() {
        remoteInterrupter = null;
        if (((int) PARTS.getAndBitwiseOr(this, BODY_ENDED) & DISPATCHED) != 0) {
            site.inFlight.remove(this);
        }
    }

    @Override
    public void onInterrupt(Runnable interrupter) {
        remoteInterrupter = interrupter;
        if ((parts & BODY_ENDED) != 0) {
            remoteInterrupter = null; // the outcome came first: nothing is left to interrupt
        }
        if (interruptRequested) {
            interrupter.run();
        }
    }

    /**
     * Shutdown: cancels the call and interrupts its body, even if the future was done before the body
     * ended, and runs its callbacks here if a hand-off to the executor has not run them yet.
     */
    void stop() {
        try {
            cancel(true);
            interruptTask();
        } finally {
            runCallbacks();
        }
    }

    @Override
    public void run() {
        Thread current = Thread.currentThread();
        if (!RUNNER.compareAndSet(this, null, current)) {
            invocation = null;
            return; // cancelled with interruption before it started
        }
        PARTS.getAndBitwiseOr(this, BODY_STARTED);
        InvocationContext body = invocation;
        invocation = null;
        if (isDone() || body == null) {
            // cancelled (or completed by hand) before it started: the body never starts
            releaseRunner(current);
            return;
        }
        try {
            site.requestContexts.runBody(this, current, body);
        } catch (Throwable failure) {
            if (!bodyEntered) {
                // The request context could not start (an observer of its start threw): the body never ran.
                releaseRunner(current);
                completeExceptionally(failure);
            } else if (failure instanceof Error error) {
                throw error; // a callback's Error, rethrown after the other callbacks ran
            } else {
                FailureReporter.LOG.log(Level.WARNING, failure, () -> "Ending the request context of @Async task '"
                        + site.taskName + "' failed; the call's outcome stands");
            }
        }
    }

    /** The body and the dispatch that follows it on this thread, inside the call's request context. */
    void runInContext(Thread current, InvocationContext body) {
        bodyEntered = true;
        worker = current;
        try {
            Object result = null;
            Throwable failure = null;
            try {
                result = body.proceed(); // the rest of the chain: the application's interceptors, the body
                if (result instanceof Future<?> plain && !(result instanceof CompletionStage<?>) && !site.returnsVoid) {
                    result = awaitPlain(plain); // still the runner: cancel(true) interrupts this wait
                }
            } catch (Throwable t) {
                failure = t;
            }
            releaseRunner(current);
            if (failure != null) {
                completeExceptionally(failure);
            } else {
                adopt(result);
            }
        } finally {
            worker = null;
        }
    }

    /*
     * A Future that is no CompletionStage cannot notify: its outcome is waited for on the worker
     * thread, while this call still holds the runner, so that cancel(true) interrupts the wait.
     */
    private Object awaitPlain(Future<?> plain) throws Throwable {
        if (!PENDING.compareAndSet(this, null, plain) || interruptRequested) {
            // done already: its outcome no longer matters (a cancel(true) cancels it too)
            if (interruptRequested) {
                plain.cancel(true);
            }
            return null;
        }
        try {
            return plain.get();
        } catch (ExecutionException e) {
            throw e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            if (interruptRequested) {
                plain.cancel(true);
            }
            throw e;
        }
    }

    /*
     * Completes this future with the outcome of what the body returned. Whatever goes wrong here
     * fails the future: it must never be left undone.
     */
    @SuppressWarnings("unchecked")
    private void adopt(Object result) {
        try {
            if (site.returnsVoid || result == null) {
                complete(null);
            } else if (result instanceof CompletionStage<?> returned) {
                adoptStage((CompletionStage<T>) returned);
            } else {
                complete((T) result);
            }
        } catch (Throwable failure) {
            if (!completeExceptionally(failure)) {
                // Not the adoption's failure: an Error a callback threw once the future was complete,
                // which the dispatch rethrows after the other callbacks ran. Not to be swallowed.
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(failure);
            }
        }
    }

    private void adoptStage(CompletionStage<T> returned) {
        // A stage of CompletableFuture's own is read at once if done; others (and minimal stages,
        // whose isDone() throws) notify when they complete.
        if (returned instanceof CompletableFuture<T> future && isPlain(future) && future.isDone()) {
            adoptDone(future);
            return;
        }
        // Written before interruptRequested is read, as cancel(true) writes that before reading pending:
        // one of the two sees the other, so a stage is cancelled whichever comes first.
        boolean kept = PENDING.compareAndSet(this, null, returned);
        if (interruptRequested && returned instanceof Future<?> f) {
            f.cancel(true); // cancel(true) ran before the stage was known
        }
        if (!kept) {
            return; // done already (completed by hand, cancelled, timed out): the stage's outcome is ignored
        }
        Thread adopting = Thread.currentThread();
        // A callback's Error, when the stage was complete already and this thread runs the callbacks:
        // whenComplete would swallow it, so it is rethrown here. Written and read by this thread only.
        Error[] escaped = new Error[1];
        returned.whenComplete((value, failure) -> {
            if (Thread.currentThread() == adopting && worker == adopting) {
                // complete already: still the worker, in the body's request context
                try {
                    if (failure == null) {
                        complete(value);
                    } else {
                        completeExceptionally(unwrap(failure));
                    }
                } catch (Error callbackError) {
                    escaped[0] = callbackError;
                }
            } else if (failure == null ? completeWithoutCallbacks(value)
                    : completeExceptionallyWithoutCallbacks(unwrap(failure))) {
                handOffCallbacks();
            }
        });
        if (escaped[0] != null) {
            throw escaped[0];
        }
    }

    /*
     * Runs the callbacks of a future just completed on a thread nobody chose (a timer, an I/O thread)
     * on the call's executor instead. If the executor refuses (it is shutting down), they run here:
     * they must not be lost. A callback's Error is rethrown by the dispatch after the other callbacks
     * ran; thrown on such a thread it would only fail a stage nobody reads, so it goes to the
     * thread's handler instead. The shutdown drain also runs the callbacks of a call it stops
     * (runCallbacks runs them once, whoever calls it first).
     */
    private void handOffCallbacks() {
        try {
            site.dispatchExecutor.execute(this::runCallbacks);
            return;
        } catch (Throwable refused) {
            // they run here
        }
        try {
            runCallbacks();
        } catch (Error callbackError) {
            Thread thread = Thread.currentThread();
            thread.getUncaughtExceptionHandler().uncaughtException(thread, callbackError);
        }
    }

    /** Times out now, and runs the callbacks on the call's executor, not on the JDK's timer thread. */
    @Override
    public CompletableFuture<T> orTimeout(long timeout, TimeUnit unit) {
        return expireAfter(timeout, unit, () -> completeExceptionallyWithoutCallbacks(new TimeoutException()));
    }

    /** Completes now, and runs the callbacks on the call's executor, not on the JDK's timer thread. */
    @Override
    public CompletableFuture<T> completeOnTimeout(T value, long timeout, TimeUnit unit) {
        return expireAfter(timeout, unit, () -> completeWithoutCallbacks(value));
    }

    private CompletableFuture<T> expireAfter(long timeout, TimeUnit unit, BooleanSupplier expiry) {
        Objects.requireNonNull(unit, "unit");
        if (!isDone()) {
            CompletableFuture<Void> timer = new CompletableFuture<Void>().completeOnTimeout(null, timeout, unit);
            timer.thenRun(() -> {
                if (expiry.getAsBoolean()) {
                    handOffCallbacks();
                }
            });
            // Once this future is done, the timer is cancelled: the JDK then drops its delayed task,
            // which would otherwise keep this future reachable until the timeout.
            whenComplete((value, failure) -> timer.cancel(false));
        }
        return this;
    }

    private static boolean isPlain(CompletableFuture<?> future) {
        return future.getClass() == CompletableFuture.class || future instanceof AsyncFuture<?>;
    }

    private void adoptDone(CompletableFuture<T> future) {
        T value;
        try {
            value = future.join();
        } catch (CancellationException e) {
            completeExceptionally(e);
            return;
        } catch (CompletionException e) {
            completeExceptionally(unwrap(e));
            return;
        }
        complete(value);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private void releaseRunner(Thread current) {
        if (!RUNNER.compareAndSet(this, current, FINISHED)) {
            // A cancel(true) moved the runner to INTERRUPTING while holding the monitor; taking it waits
            // until that interrupt has landed (see 'runner').
            synchronized (this) {
                Thread.interrupted(); // the interrupt of cancel(true) is this call's, not the next task's
            }
        }
        if (((int) PARTS.getAndBitwiseOr(this, BODY_ENDED) & DISPATCHED) != 0) {
            site.inFlight.remove(this); // the future was done before the body ended
        }
    }

    @Override
    protected void interruptTask() {
        interruptRequested = true;
        Object current = runner;
        if (current == null && RUNNER.compareAndSet(this, null, NEVER)) {
            invocation = null; // not started: it never will, so the cancelled future keeps nothing of it
        } else if (current instanceof Thread thread && thread != Thread.currentThread()) {
            // (A body that cancels its own call is not interrupted: the callbacks run on its thread next.)
            synchronized (this) {
                if (RUNNER.compareAndSet(this, thread, INTERRUPTING)) {
                    try {
                        thread.interrupt();
                    } finally {
                        runner = FINISHED;
                    }
                }
            }
        }
        if (pending instanceof Future<?> returned) {
            returned.cancel(true);
        }
        Runnable remote = remoteInterrupter;
        if (remote != null) {
            remote.run();
        }
    }

    /** True from the start of the body until the future is done, also while a stage it returned runs. */
    @Override
    public boolean isRunning() {
        Object state = runner;
        return state != null && state != NEVER && !isDone();
    }

    /*
     * The annotated callbacks: in the body's request context on the worker, in one context for the
     * whole loop on any other thread that has none.
     */
    @Override
    protected void done() {
        if (site.callbacks.isEmpty()) {
            if (site.returnsVoid && isCompletedExceptionally() && !isCancelled()) {
                logUnseenFailure();
            }
            return;
        }
        if (worker == Thread.currentThread()) {
            site.callbacks.run(this); // in the body's request context
            return;
        }
        try {
            site.requestContexts.dispatch(this);
        } catch (RuntimeException failure) {
            if (dispatchEntered) {
                FailureReporter.LOG.log(Level.WARNING, failure, () -> "Ending the request context of the callbacks"
                        + " of @Async task '" + site.taskName + "' failed");
            } else {
                FailureReporter.LOG.log(Level.WARNING, failure, () -> "Activating a request context for the"
                        + " callbacks of @Async task '" + site.taskName + "' failed; they run without one");
                site.callbacks.run(this);
            }
        }
    }

    /** The annotated callbacks of a dispatch on a thread other than the worker, inside one request context. */
    void runAnnotatedCallbacks() {
        dispatchEntered = true;
        site.callbacks.run(this);
    }

    @Override
    protected void afterDone() {
        pending = CLEARED; // a done future keeps nothing of the stage it waited for
        arguments = null; // nor the arguments of a remote call (what interrupts its body goes when it ends)
        int before = (int) PARTS.getAndBitwiseOr(this, DISPATCHED);
        if ((before & BODY_STARTED) == 0 || (before & BODY_ENDED) != 0) {
            site.inFlight.remove(this);
        }
    }

    private void logUnseenFailure() {
        Throwable failure;
        try {
            join();
            return;
        } catch (CompletionException e) {
            failure = unwrap(e);
        }
        Throwable unseen = failure;
        FailureReporter.LOG.log(Level.WARNING, unseen, () -> "@Async void method " + site.description + " (task '"
                + site.taskName + "') failed with " + unseen + " and no @OnDone callback of that task sees it");
    }

    @Override
    protected void callbackFailed(Object callback, Throwable failure) {
        site.callbacks.reporter.report(site.taskName, String.valueOf(callback), this, failure);
    }
}
