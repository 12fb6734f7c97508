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

    static {
        try {
            RUNNER = MethodHandles.lookup().findVarHandle(AsyncCall.class, "runner", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

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

    /* The unfinished stage the body returned, for cancel(true) to cancel. */
    private volatile CompletionStage<?> stage;

    AsyncCall(CallSite site, InvocationContext invocation) {
        super(site.taskName);
        this.site = site;
        this.invocation = invocation;
    }

    /** Fails a call that will never run (refused or rejected); its callbacks run on this thread. */
    void refuse(Throwable reason) {
        invocation = null;
        completeExceptionally(reason);
    }

    @Override
    public void run() {
        Thread current = Thread.currentThread();
        if (!RUNNER.compareAndSet(this, null, current)) {
            invocation = null;
            return; // cancelled with interruption before it started
        }
        InvocationContext body = invocation;
        invocation = null;
        if (isDone()) {
            // cancelled (or completed by hand) before it started: the body never starts
            releaseRunner(current);
            return;
        }
        Object result = null;
        Throwable failure = null;
        try {
            result = body.proceed(); // the rest of the chain: @ActivateRequestContext, the application's, the body
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
            } else if (result instanceof Future<?> plain) {
                adoptFuture((Future<T>) plain);
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
        stage = returned;
        if (isCancelled() && returned instanceof Future<?> f) {
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

    /* A Future that is no CompletionStage cannot notify: wait for it on the worker thread. */
    private void adoptFuture(Future<T> plain) {
        try {
            complete(plain.get());
        } catch (ExecutionException e) {
            completeExceptionally(e.getCause());
        } catch (CancellationException e) {
            completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            completeExceptionally(e);
        }
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
    }

    @Override
    protected void interruptTask() {
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
        if (stage instanceof Future<?> returned) {
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
        site.inFlight.remove(this, slot);
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
