package dev.cdiasync.spi;

/**
 * The {@code @Async} bodies of one deployment, for calls that arrive from another process.
 */
public interface LocalBodies {

    /**
     * Runs the body of an {@code @Async} method here, on the calling thread, as a call of that
     * method on its bean: with the bean's interceptors and in a request context, but not
     * asynchronously again. Waits for a future the body returns.
     *
     * @param method    the method, as {@link RemoteCall#method()} gives it
     * @param arguments the arguments
     * @return the value of the body (of the future it returned), null for {@code void}
     * @throws Throwable what the body (or its future) failed with
     */
    Object run(String method, Object[] arguments) throws Throwable;
}
