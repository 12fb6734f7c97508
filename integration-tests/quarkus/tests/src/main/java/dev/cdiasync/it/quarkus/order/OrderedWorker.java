package dev.cdiasync.it.quarkus.order;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.cdiasync.Async;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;

/** The task whose callbacks the order test ranks; its body waits for the test's gate. */
@ApplicationScoped
public class OrderedWorker {

    @Async(task = "ordered")
    public CompletableFuture<String> run(CountDownLatch gate) throws InterruptedException {
        gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
        return CompletableFuture.completedFuture("done");
    }
}
