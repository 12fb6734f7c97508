package dev.cdiasync.spi;

/**
 * One {@code @Async} call whose body runs in another process. Its future and callbacks stay in this
 * process: completing the call here runs them, on a thread of this deployment's default executor
 * rather than on the thread that delivers the outcome.
 */
public interface RemoteCall {

    /** @return the task name of the call's method */
    String taskName();

    /**
     * @return the method, as {@link LocalBodies#run} takes it: the class of the bean the call was made
     *         on, then the method with its parameter types, {@code com.acme.Reports#build(java.lang.String,int)}
     */
    String method();

    /** @return the method as messages write it: {@code com.acme.Reports#build(String, int)} */
    String description();

    /** @return the arguments of the call (the array is the call's own; do not change it) */
    Object[] arguments();

    /**
     * Completes the call with the value the body returned (for a body that returned a future, the
     * value of that future).
     *
     * @param value the value
     * @return whether this completed the call (false if it was done, for example cancelled)
     */
    boolean succeed(Object value);

    /**
     * Completes the call with the failure of the body, or of its journey.
     *
     * @param failure the failure
     * @return whether this completed the call
     */
    boolean fail(Throwable failure);

    /** @return whether the call is done: completed, failed or cancelled */
    boolean isDone();

    /**
     * Registers what interrupts the remote body when the call is cancelled with
     * {@code cancel(true)} or stopped by the shutdown drain. Runs at once if that already happened.
     *
     * @param interrupter cancels the remote task, interrupting it if it runs
     */
    void onInterrupt(Runnable interrupter);
}
