package dev.cdiasync.servers.app.cancellation;

import static dev.cdiasync.servers.app.Journal.TIMEOUT_SECONDS;
import static dev.cdiasync.servers.app.Journal.lines;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.servers.app.Journal;
import dev.cdiasync.servers.app.Single;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Cancellation: cancel(true) interrupts a running body and runs the callbacks on the cancelling
 * thread; a cancelled body that had not started never starts. Thread names are replaced by
 * "the cancelling thread" where they are this request's thread.
 */
@Path("cancel")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class CancellationResource {

    @Inject
    CancellableTasks tasks;

    @Inject
    Single single;

    @Inject
    Journal journal;

    @GET
    @Path("running")
    public String running() throws Exception {
        journal.clear(CancellableTasks.BLOCKING);
        Probe probe = new Probe();
        AsyncFuture<String> future = (AsyncFuture<String>) tasks.blocking(probe);
        if (!probe.started.await(TIMEOUT_SECONDS, SECONDS)) {
            throw new IllegalStateException("the body never started");
        }
        boolean runningBefore = future.isRunning();
        future.addDoneCallback(f -> journal.record(CancellableTasks.BLOCKING, "runtime cancelled=" + f.isCancelled()
                + " on " + Thread.currentThread().getName()));

        List<String> entries = new ArrayList<>();
        entries.add("running before cancel=" + runningBefore);
        entries.add("cancel(true) returned " + future.cancel(true));
        entries.addAll(here(journal.entries(CancellableTasks.BLOCKING))); // run before cancel returned
        entries.add("body finished=" + probe.finished.await(TIMEOUT_SECONDS, SECONDS));
        entries.add("body interrupted=" + probe.interrupted + ", released=" + probe.released);
        single.flush().get(TIMEOUT_SECONDS, SECONDS);
        entries.add("future cancelled=" + future.isCancelled() + ", callbacks afterwards "
                + journal.entries(CancellableTasks.BLOCKING).size());
        return lines(entries);
    }

    @GET
    @Path("queued")
    public String queued() throws Exception {
        journal.clear(CancellableTasks.BLOCKING);
        journal.clear(CancellableTasks.QUEUED);
        Probe blocker = new Probe();
        AsyncFuture<String> blocking = (AsyncFuture<String>) tasks.blocking(blocker);
        if (!blocker.started.await(TIMEOUT_SECONDS, SECONDS)) {
            throw new IllegalStateException("the blocking body never started");
        }
        Probe probe = new Probe();
        AsyncFuture<String> queued = (AsyncFuture<String>) tasks.queued(probe);

        List<String> entries = new ArrayList<>();
        entries.add("queued running before cancel=" + queued.isRunning());
        entries.add("cancel(false) returned " + queued.cancel(false));
        entries.addAll(here(journal.entries(CancellableTasks.QUEUED)));

        blocker.release.countDown();
        entries.add("blocking body returned " + blocking.get(TIMEOUT_SECONDS, SECONDS));
        single.flush().get(TIMEOUT_SECONDS, SECONDS); // the queue is empty: the queued call had its turn
        entries.add("queued body ran=" + probe.ran);
        entries.add("queued callbacks afterwards " + journal.entries(CancellableTasks.QUEUED).size());
        return lines(entries);
    }

    private static List<String> here(List<String> entries) {
        String me = Thread.currentThread().getName();
        List<String> replaced = new ArrayList<>();
        for (String entry : entries) {
            replaced.add(entry.endsWith(" on " + me)
                    ? entry.substring(0, entry.length() - me.length()) + "the cancelling thread"
                    : entry);
        }
        return replaced;
    }
}
