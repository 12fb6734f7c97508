package dev.cdiasync.bench.cdiasync;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.bench.Arrival;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

/** The annotated done-callbacks: one for task "one", eight (ordered by priority) for task "eight". */
@ApplicationScoped
public class DoneCallbacks {

    private volatile Arrival arrival;

    /** Makes the callbacks of the next calls report to this arrival. */
    public void expect(Arrival next) {
        this.arrival = next;
    }

    @OnDone(task = "one")
    void one(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(1)
    void eight1(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(2)
    void eight2(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(3)
    void eight3(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(4)
    void eight4(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(5)
    void eight5(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(6)
    void eight6(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(7)
    void eight7(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }

    @OnDone(task = "eight") @Priority(8)
    void eight8(AsyncFuture<Integer> future) {
        arrival.arrive(future.getNow(null));
    }
}
