package dev.cdiasync.servers.extra.drain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Calls that finish during the grace period, calls that never finish by themselves, and their callbacks. */
@ApplicationScoped
public class DrainTasks {

    @Inject
    Record record;

    @Async(task = "drain.finishing")
    public CompletableFuture<Integer> finishing(int call) throws InterruptedException {
        body(call);
        Thread.sleep(200);
        return CompletableFuture.completedFuture(call);
    }

    @Async(task = "drain.blocking")
    public CompletableFuture<Integer> blocking(int call) {
        body(call);
        try {
            Thread.sleep(600_000);
        } catch (InterruptedException e) {
            record.line("body " + call + " interrupted");
        }
        return CompletableFuture.completedFuture(call);
    }

    @OnDone(task = "drain.finishing")
    void finished(Future<Integer> future) {
        record.line("@OnDone " + Record.describe(future));
    }

    @OnDone(task = "drain.blocking")
    void unblocked(Future<Integer> future) {
        record.line("@OnDone " + Record.describe(future));
    }

    private void body(int call) {
        Thread thread = Thread.currentThread();
        record.line("body " + call + " thread " + thread.getId() + " " + thread.getName());
    }
}
