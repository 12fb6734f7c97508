package dev.cdiasync.bench.cdiasync;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;
import dev.cdiasync.bench.Case;
import jakarta.enterprise.context.ApplicationScoped;

/** The {@code @Async} methods of the cdi-async cases, all on the named 2-thread executor "bench". */
@ApplicationScoped
public class AsyncWorker {

    /** Task with one {@code @OnDone} callback. */
    @Async(task = "one", executor = "bench")
    public CompletableFuture<Integer> one() {
        return CompletableFuture.completedFuture(Case.VALUE);
    }

    /** Task with eight {@code @OnDone} callbacks. */
    @Async(task = "eight", executor = "bench")
    public CompletableFuture<Integer> eight() {
        return CompletableFuture.completedFuture(Case.VALUE);
    }

    /** Task with no {@code @OnDone} callback: its callbacks are added with addDoneCallback. */
    @Async(task = "bare", executor = "bench")
    public CompletableFuture<Integer> bare() {
        return CompletableFuture.completedFuture(Case.VALUE);
    }
}
