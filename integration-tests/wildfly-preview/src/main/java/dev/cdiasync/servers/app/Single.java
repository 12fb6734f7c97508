package dev.cdiasync.servers.app;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** The single-thread executor's queue: a call here starts once every earlier call there is over. */
@ApplicationScoped
public class Single {

    /** Done once the one thread of "single" has finished everything submitted before, callbacks included. */
    @Async(task = "single.flush", executor = "single")
    public CompletableFuture<String> flush() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }
}
