package dev.cdiasync.it.quarkus.executors;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** Bodies that return the name of the thread they ran on, one per executor. */
@ApplicationScoped
public class Placed {

    @Async(task = "onIo", executor = "io")
    public CompletableFuture<String> onIo() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }

    @Async(task = "onSpawned", executor = "spawning")
    public CompletableFuture<String> onSpawned() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }

    @Async(task = "onDefault")
    public CompletableFuture<String> onDefault() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }
}
