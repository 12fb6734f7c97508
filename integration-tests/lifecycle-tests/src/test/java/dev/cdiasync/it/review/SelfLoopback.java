package dev.cdiasync.it.review;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteCall;
import dev.cdiasync.spi.RemoteExecutor;

/**
 * A remote executor whose "other process" is the same deployment: the method key and the arguments travel, and the
 * body runs through the LocalBodies it serves, on a "wire" thread, as a cluster member would run it.
 */
final class SelfLoopback implements RemoteExecutor {

    static final ExecutorService WIRE = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wire");
        thread.setDaemon(true);
        return thread;
    });

    private volatile LocalBodies bodies;

    @Override
    public void submit(RemoteCall call) {
        LocalBodies served = bodies;
        if (served == null) {
            throw new RejectedExecutionException("not served");
        }
        String method = call.method();
        Object[] arguments = call.arguments().clone(); // what travels: a copy, as after serialization
        WIRE.execute(() -> {
            try {
                call.succeed(served.run(method, arguments));
            } catch (Throwable failure) {
                call.fail(failure);
            }
        });
    }

    @Override
    public void serve(LocalBodies bodies) {
        this.bodies = bodies;
    }
}
