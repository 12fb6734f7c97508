package dev.cdiasync.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.logging.Level;

import dev.cdiasync.AsyncFuture;
import jakarta.interceptor.InvocationContext;

/**
 * One {@code @Async} call: the future the caller holds and the task its executor runs. Running
 * proceeds with the intercepted invocation on the worker thread and completes the future with the
 * body's outcome; cancelling interrupts the body; the completion runs the task's callbacks.
 */
final class AsyncCall<T> extends AsyncFuture<T> implements Runnable {

    private static final VarHandle RUNNER;
    private static final VarHandle PARTS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            RUNNER = lookup.findVarHandle(AsyncCall.class, "runner", Object.class);
            PARTS = lookup.findVarHandle(AsyncCall.class, "parts", int.class);
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
    /** Runner state: a cancel(true) is interrupting the runner thread. */
    private static final Object INTERRUPTING = new Object();

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
     * thread after the body has ended there (it may be running another task by then). A runner that
     * finds INTERRUPTING waits for FINISHED and then clears its interrupt flag, so that the interrupt
     * meant for this body never leaks into the next task on the same thread.
     */
    private volatile Object runner;

    /* Where the call is registered in flight; set by the submitting thread before the executor sees the call. */
    volatile int slot = InFlight.NONE;

    /* The unfinished stage (or plain Future) the body returned, for cancel(true) to cancel. */
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

    /** Shutdown: cancels the call and interrupts its body, even if the future was done before the body ended. */
    void stop() {
        cancel(true);
        interruptTask();
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
        Object result = null;
        Throwable failure = null;
        try {
            result = body.proceed(); // the rest of the chain: @ActivateRequestContext, the application's, the body
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
    }

    /*
     * A Future that is no CompletionStage cannot notify: its outcome is waited for on the worker
     * thread, while this call still holds the runner, so that cancel(true) interrupts the wait.
     */
    private Object awaitPlain(Future<?> plain) throws Throwable {
        pending = plain;
        if (interruptRequested) {
            plain.cancel(true);
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
        pending = returned;
        if (interruptRequested && returned instanceof Future<?> f) {
            f.cancel(true); // cancel(true) ran before the stage was known
        }
        returned.whenComplete((value, failure) -> {
            try {
                if (failure == null) {
                    complete(value);
                } else {
                    completeExceptionally(unwrap(failure));
                }
            } catch (Error callbackError) {
                // A callback's Error, rethrown by the dispatch after the other callbacks ran. Thrown
                // here it would only fail the stage whenComplete made, which nobody reads: hand it
                // to the thread's handler instead, as if it had escaped the thread.
                Thread thread = Thread.currentThread();
                thread.getUncaughtExceptionHandler().uncaughtException(thread, callbackError);
            }
        });
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
            while (runner == INTERRUPTING) {
                Thread.onSpinWait();
            }
            Thread.interrupted(); // the interrupt of cancel(true) is this call's, not the next task's
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
        } else if (current instanceof Thread thread && RUNNER.compareAndSet(this, thread, INTERRUPTING)) {
            try {
                thread.interrupt();
            } finally {
                runner = FINISHED;
            }
        }
        if (pending instanceof Future<?> returned) {
            returned.cancel(true);
        }
    }

    /** True from the start of the body until the future is done, also while a stage it returned runs. */
    @Override
    public boolean isRunning() {
        Object state = runner;
        return state != null && state != NEVER && !isDone();
    }

    @Override
    protected void done() {
        site.callbacks.run(this);
        if (site.returnsVoid && site.callbacks.isEmpty() && isCompletedExceptionally() && !isCancelled()) {
            logUnseenFailure();
        }
    }

    @Override
    protected void afterDone() {
        pending = null; // a done future keeps nothing of the stage it waited for
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
