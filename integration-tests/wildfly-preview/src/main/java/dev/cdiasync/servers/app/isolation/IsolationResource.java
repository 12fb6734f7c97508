package dev.cdiasync.servers.app.isolation;

import static dev.cdiasync.servers.app.Journal.TIMEOUT_SECONDS;
import static dev.cdiasync.servers.app.Journal.lines;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.CallbackFailure;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A throwing callback, annotated or added at run time: reported as CallbackFailure, isolated. */
@Path("isolation")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class IsolationResource {

    /** A runtime callback that throws, named so that the CallbackFailure event can be checked. */
    static final class ThrowingCallback implements Consumer<AsyncFuture<String>> {
        private final Journal journal;

        ThrowingCallback(Journal journal) {
            this.journal = journal;
        }

        @Override
        public void accept(AsyncFuture<String> future) {
            journal.record(Job.TASK, "runtime throws");
            throw new IllegalArgumentException("runtime callback failed");
        }

        @Override
        public String toString() {
            return "ThrowingCallback";
        }
    }

    @Inject
    Job job;

    @Inject
    FailureRecorder recorder;

    @Inject
    Journal journal;

    @GET
    @Path("annotated")
    public String annotated() throws Exception {
        return run(false);
    }

    @GET
    @Path("runtime")
    public String runtime() throws Exception {
        return run(true);
    }

    private String run(boolean throwingRuntimeCallback) throws Exception {
        journal.clear(Job.TASK);
        recorder.clear();
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) job.run(gate);
        if (throwingRuntimeCallback) {
            future.addDoneCallback(new ThrowingCallback(journal));
        }
        future.addDoneCallback(f -> journal.record(Job.TASK, "runtime after"));
        gate.countDown();

        List<String> entries = new ArrayList<>(journal.await(Job.TASK, throwingRuntimeCallback ? 6 : 4));
        entries.add("future value " + future.get(TIMEOUT_SECONDS, SECONDS) + ", completed exceptionally "
                + future.isCompletedExceptionally());
        for (CallbackFailure failure : recorder.failures()) {
            entries.add("event carries the future=" + (failure.future() == future));
        }
        return lines(entries);
    }
}
