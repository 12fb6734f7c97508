package dev.cdiasync.impl;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for what a body returned, for a call whose caller is in another process and needs a value. */
final class Outcomes {

    private Outcomes() {
    }

    /**
     * The value of a future or stage the body returned (waiting for it on this thread), or the value
     * itself; throws the failure it completed with. An interrupt of this thread cancels it.
     */
    static Object await(Object returned) throws Throwable {
        Future<?> future = returned instanceof CompletionStage<?> stage ? toFuture(stage)
                : returned instanceof Future<?> plain ? plain : null;
        if (future == null) {
            return returned;
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw e.getCause() != null ? e.getCause() : e;
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        }
    }

    /* A minimal stage may refuse toCompletableFuture(): it is followed instead. */
    private static Future<?> toFuture(CompletionStage<?> stage) {
        try {
            return stage.toCompletableFuture();
        } catch (UnsupportedOperationException minimal) {
            CompletableFuture<Object> followed = new CompletableFuture<>();
            stage.whenComplete((value, failure) -> {
                if (failure == null) {
                    followed.complete(value);
                } else {
                    followed.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null
                            ? c.getCause() : failure);
                }
            });
            return followed;
        }
    }
}
