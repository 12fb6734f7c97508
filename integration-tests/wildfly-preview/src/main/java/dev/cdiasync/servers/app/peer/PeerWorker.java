package dev.cdiasync.servers.app.peer;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;
import jakarta.enterprise.concurrent.Asynchronous;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The same trivial body twice: as Jakarta Concurrency's {@code @Asynchronous} on the container's
 * default ManagedExecutorService, and as cdi-async's {@code @Async} on "mes", which is that same
 * executor.
 */
@ApplicationScoped
public class PeerWorker {

    public static final String TASK = "peer.call";

    @Asynchronous(executor = "java:comp/DefaultManagedExecutorService")
    public CompletableFuture<Integer> concurrency(int i) {
        return Asynchronous.Result.complete(i);
    }

    @Async(task = TASK, executor = "mes")
    public CompletableFuture<Integer> cdiAsync(int i) {
        return CompletableFuture.completedFuture(i);
    }
}
