package dev.cdiasync.bench.vthreads;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.bench.Arrival;
import jakarta.enterprise.context.ApplicationScoped;

/** The done-callback of the blocking task: reports each finished call, successful or not. */
@ApplicationScoped
public class BlockingCallbacks {

    private volatile Arrival arrival;

    public void expect(Arrival next) {
        this.arrival = next;
    }

    @OnDone(task = "block")
    void done(AsyncFuture<Void> future) {
        arrival.arrive(future.isCompletedExceptionally() ? "failed" : "ok");
    }
}
