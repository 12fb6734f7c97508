package dev.cdiasync.it.quarkus.cost;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** The smallest useful {@code @Async} body, on the default executor: Quarkus's pool. */
@ApplicationScoped
public class CostWorker {

    @Async(task = "cost")
    public CompletableFuture<Integer> echo(int value) {
        return CompletableFuture.completedFuture(value);
    }
}
