package dev.cdiasync.it.quarkus.cancellation;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** Bodies that wait to be released or interrupted, all on executor "single". */
@ApplicationScoped
public class Jobs {

    @Async(task = "cancel.job", executor = "single")
    public CompletableFuture<String> job(Job job) {
        return waitForRelease(job);
    }

    /*
     * Not job(job): ArC intercepts a call through 'this' (Weld does not), so that would be a second
     * asynchronous call, queued behind this one.
     */
    @Async(task = "cancel.blocker", executor = "single")
    public CompletableFuture<String> blocker(Job job) {
        return waitForRelease(job);
    }

    private static CompletableFuture<String> waitForRelease(Job job) {
        job.started.countDown();
        try {
            job.released = job.release.await(30, SECONDS);
        } catch (InterruptedException e) {
            job.interrupted = true;
        } finally {
            job.finished.countDown();
        }
        return CompletableFuture.completedFuture("body result");
    }

    @Async(task = "cancel.staged", executor = "single")
    public CompletionStage<String> staged(Job job) {
        job.started.countDown();
        job.finished.countDown();
        return job.stage;
    }
}
