package dev.cdiasync.servers.app.order;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.cdiasync.Async;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.ApplicationScoped;

/** The task whose callbacks the order scenario ranks; on the default executor; waits for the gate. */
@ApplicationScoped
public class OrderedWorker {

    public static final String TOPIC = "ordered";

    @Async(task = "ordered")
    public CompletableFuture<String> run(CountDownLatch gate) throws InterruptedException {
        gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
        return CompletableFuture.completedFuture("done");
    }
}
