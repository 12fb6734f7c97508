package dev.cdiasync.servers.extra.bad.unknowntask;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** Bad: a callback of a task no @Async method declares. */
@ApplicationScoped
public class Listener {

    @Async(task = "report")
    public CompletableFuture<String> report() {
        return CompletableFuture.completedFuture("report");
    }

    @OnDone(task = "no-such-task")
    void finished(Future<?> future) {
    }
}
