package dev.cdiasync.example.cluster;

import java.util.concurrent.CompletableFuture;

import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean like any other; its {@code render} bodies run on whichever member Hazelcast picks. */
@ApplicationScoped
public class Reports {

    /** What a member answers: the report, and where it was made. */
    public record Rendered(int number, String member, long pid, String thread) {
    }

    @Inject
    HazelcastInstance hz;

    @Async(task = "render", executor = "cluster")
    public CompletableFuture<Rendered> render(int number) throws InterruptedException {
        Thread.sleep(100 + number % 4 * 50); // the work
        return CompletableFuture.completedFuture(new Rendered(number,
                hz.getCluster().getLocalMember().getAddress().toString(), ProcessHandle.current().pid(),
                Thread.currentThread().getName()));
    }

    /** For the overhead measurement: a body that does nothing, on the cluster. */
    @Async(task = "echo", executor = "cluster")
    public CompletableFuture<Integer> echo(int value) {
        return CompletableFuture.completedFuture(value);
    }

    /** For the overhead measurement: the same body on the local default executor. */
    @Async(task = "echoLocal")
    public CompletableFuture<Integer> echoLocal(int value) {
        return CompletableFuture.completedFuture(value);
    }
}
