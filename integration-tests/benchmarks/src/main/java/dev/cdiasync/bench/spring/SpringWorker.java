package dev.cdiasync.bench.spring;

import java.util.concurrent.CompletableFuture;

import org.springframework.scheduling.annotation.Async;

import dev.cdiasync.bench.Case;

/** Spring's {@code @Async} method returning a {@code CompletableFuture}, on the executor bean "benchPool". */
public class SpringWorker {

    @Async("benchPool")
    public CompletableFuture<Integer> work() {
        return CompletableFuture.completedFuture(Case.VALUE);
    }
}
