package dev.cdiasync.example.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

/** The callbacks of the render task: they run on the caller, once each, in this order. */
@ApplicationScoped
public class Progress {

    @OnDone(task = "render")
    @Priority(1)
    void report(Future<Reports.Rendered> future) throws InterruptedException {
        try {
            Reports.Rendered rendered = future.get(); // done: never blocks
            ClusterExample.say(String.format("report %2d  ran on member %s (pid %d, %s); callback on %s (pid %d)",
                    rendered.number(), rendered.member(), rendered.pid(), rendered.thread(),
                    Thread.currentThread().getName(), ProcessHandle.current().pid()));
        } catch (ExecutionException e) {
            ClusterExample.say("a report failed: " + e.getCause());
        }
    }

    @OnDone(task = "render")
    @Priority(2)
    void count(Future<Reports.Rendered> future) {
        ClusterExample.done();
    }
}
