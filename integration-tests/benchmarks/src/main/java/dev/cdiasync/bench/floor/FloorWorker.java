package dev.cdiasync.bench.floor;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.bench.Case;
import jakarta.enterprise.context.ApplicationScoped;

/** The bean whose method the floor interceptor makes asynchronous. */
@ApplicationScoped
public class FloorWorker {

    @Floor
    public CompletableFuture<Integer> work() {
        return CompletableFuture.completedFuture(Case.VALUE);
    }
}
