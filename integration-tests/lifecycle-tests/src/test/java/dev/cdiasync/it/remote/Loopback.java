package dev.cdiasync.it.remote;

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

/**
 * A remote executor between two Weld containers of one JVM: each container serves its bodies under its own name, and
 * a call submitted in one runs on a thread named "wire-N", in the other container's bodies. It stands for a cluster
 * in the tests of the library's side of the remote executor SPI.
 */
public final class Loopback implements RemoteExecutor {

    /** What each container serves, by its name. */
    public static final Map<String, LocalBodies> SERVED = new ConcurrentHashMap<>();
    static final ExecutorService WIRE = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "wire");
        thread.setDaemon(true);
        return thread;
    });

    private final String here;
    private final String there;
    private final Consumer<RemoteMethod> checked;

    /** From the container named here to the one named there; no parameter of type Thread can travel. */
    public Loopback(String here, String there) {
        this(here, there, method -> { });
    }

    Loopback(String here, String there, Consumer<RemoteMethod> checked) {
        this.here = here;
        this.there = there;
        this.checked = checked;
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
        checked.accept(method);
        for (Class<?> type : method.method().getParameterTypes()) {
            if (type == Thread.class) {
                problems.accept("a Thread cannot travel");
            }
        }
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
