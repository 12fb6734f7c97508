package dev.cdiasync.servers.app.isolation;

import java.util.concurrent.Future;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A callback of the job that throws, and one after it that must still run. */
@ApplicationScoped
public class Reporter {

    @Inject
    Journal journal;

    @OnDone(task = Job.TASK)
    @Priority(10)
    void log(AsyncFuture<String> future) {
        journal.record(Job.TASK, "log");
        throw new IllegalStateException("log failed");
    }

    @OnDone(task = Job.TASK)
    @Priority(20)
    void after(Future<String> future) throws Exception {
        journal.record(Job.TASK, "after " + future.get());
    }
}
