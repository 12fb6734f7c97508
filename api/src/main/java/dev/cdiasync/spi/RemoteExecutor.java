package dev.cdiasync.spi;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * An executor that runs {@code @Async} bodies in another process: a member of a cluster, say. An
 * application declares one as any executor, a bean qualified {@code @AsyncExecutor("name")}; the
 * library then hands each call of the methods routed to it over as a {@link RemoteCall} (the
 * method, its arguments and the future to complete) instead of a {@code Runnable}, and keeps the
 * future, its callbacks and the shutdown drain at home.
 *
 * <p>The library recognises a remote executor by its type: a producer of a normal scope (whose
 * client proxy has only the types the producer declares) must declare {@code RemoteExecutor}, or
 * the integration's own type, not just {@code Executor}.
 *
 * <p>At startup the library checks each method routed here with {@link #check}, and hands this
 * executor the deployment's {@link LocalBodies} with {@link #serve}, so that calls arriving from
 * other processes can run in this one; at shutdown it calls {@code serve(null)}.
 */
public interface RemoteExecutor extends Executor {

    /**
     * Starts the body of a call in another process. The executor must report the body's end exactly
     * once, with {@link RemoteCall#succeed} or {@link RemoteCall#fail}, whatever happens (the body
     * fails, the process running it leaves), also when the call's future is done already
     * ({@code orTimeout}, {@code cancel}): until then the shutdown drain waits for the body as for a
     * local one. It should register a canceller with {@link RemoteCall#onInterrupt} so that
     * {@code cancel(true)} and the drain reach the body.
     *
     * @param call the call
     * @throws RejectedExecutionException if the call cannot be sent; the call then fails with it
     */
    void submit(RemoteCall call);

    /**
     * Checks at startup that calls of a method can travel: every parameter and the result can be
     * serialized, and so on. Each problem is reported as a sentence that names what cannot travel
     * and what to change; the library adds the method and fails the deployment.
     *
     * @param method   the method routed to this executor
     * @param problems where to report what cannot travel
     */
    default void check(RemoteMethod method, Consumer<String> problems) {
    }

    /**
     * Hands over the bodies of this deployment, so that calls arriving from other processes run in
     * it; null at shutdown, after which arriving calls must be refused.
     *
     * @param bodies the deployment's bodies, or null
     */
    void serve(LocalBodies bodies);

    /**
     * Local tasks have no place on a remote executor: the library calls this only when it could not
     * see that the executor is a remote one (a producer of a normal scope that declares only
     * {@code Executor}).
     *
     * @throws RejectedExecutionException always, saying so
     */
    @Override
    default void execute(Runnable command) {
        throw new RejectedExecutionException("A RemoteExecutor runs @Async bodies in another process and takes no"
                + " local task. If an @Async call got here, its producer hides the type behind a client proxy: declare"
                + " the producer's type as RemoteExecutor (or the integration's own type), or make it @Dependent.");
    }
}
