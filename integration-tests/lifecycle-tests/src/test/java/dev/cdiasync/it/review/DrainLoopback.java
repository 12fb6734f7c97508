package dev.cdiasync.it.review;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteCall;
import dev.cdiasync.spi.RemoteExecutor;
import dev.cdiasync.spi.RemoteMethod;

/** A copy of it.remote.Loopback with its own registry: two Weld containers of one JVM. */
final class DrainLoopback implements RemoteExecutor {

    static final Map<String, LocalBodies> SERVED = new ConcurrentHashMap<>();
    static final ExecutorService WIRE = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "drain-wire");
        thread.setDaemon(true);
        return thread;
    });

    private final String here;
    private final String there;

    DrainLoopback(String here, String there) {
        this.here = here;
        this.there = there;
    }

    @Override
    public void submit(RemoteCall call) {
        LocalBodies bodies = SERVED.get(there);
        if (bodies == null) {
            throw new RejectedExecutionException("nothing is served as " + there);
        }
        Future<?> running = WIRE.submit(() -> {
            try {
                call.succeed(bodies.run(call.method(), call.arguments()));
            } catch (Throwable failure) {
                call.fail(failure);
            }
        });
        call.onInterrupt(() -> running.cancel(true));
    }

    @Override
    public void check(RemoteMethod method, Consumer<String> problems) {
    }

    @Override
    public void serve(LocalBodies bodies) {
        if (bodies == null) {
            SERVED.remove(here);
        } else {
            SERVED.put(here, bodies);
        }
    }
}
