package dev.cdiasync.servers.app.seed;

import static dev.cdiasync.servers.app.Journal.TIMEOUT_SECONDS;
import static dev.cdiasync.servers.app.Journal.lines;
import static dev.cdiasync.servers.app.seed.SeedTasks.TOPIC;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.servers.app.Journal;
import dev.cdiasync.servers.app.Single;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The seed tutorial's scenarios (threadpool-add-done-callback), each answering its transcript. */
@Path("seed")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class SeedResource {

    private static final String CALLED = "The custom callback was called.";

    @Inject
    SeedTasks tasks;

    @Inject
    Single single;

    @Inject
    Journal journal;

    @GET
    @Path("success")
    public String success() throws Exception {
        journal.clear(TOPIC);
        AsyncFuture<Void> future = (AsyncFuture<Void>) tasks.work();
        future.addDoneCallback(f -> journal.record(TOPIC, CALLED));
        return lines(journal.await(TOPIC, 2));
    }

    @GET
    @Path("failure")
    public String failure() throws Exception {
        journal.clear(TOPIC);
        AsyncFuture<Void> future = (AsyncFuture<Void>) tasks.failingWork();
        future.addDoneCallback(f -> journal.record(TOPIC, CALLED + " It saw " + outcome(f)));
        List<String> entries = new ArrayList<>(journal.await(TOPIC, 1));
        entries.add("completed exceptionally=" + future.isCompletedExceptionally());
        return lines(entries);
    }

    @GET
    @Path("cancelled")
    public String cancelled() throws Exception {
        journal.clear(TOPIC);
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<Void> future = (AsyncFuture<Void>) tasks.gatedWork(gate);
        future.addDoneCallback(f -> journal.record(TOPIC, CALLED + " It saw " + outcome(f)));
        List<String> entries = new ArrayList<>();
        entries.add("cancel returned " + future.cancel(true));
        entries.addAll(journal.entries(TOPIC)); // the callback ran before cancel returned
        gate.countDown();
        single.flush().get(TIMEOUT_SECONDS, SECONDS);
        entries.add("afterwards " + journal.entries(TOPIC));
        return lines(entries);
    }

    @GET
    @Path("several")
    public String several() throws Exception {
        journal.clear(TOPIC);
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<Void> future = (AsyncFuture<Void>) tasks.gatedWork(gate);
        for (String name : List.of("my_callback", "my_other_callback", "third", "fourth", "fifth")) {
            future.addDoneCallback(f -> journal.record(TOPIC, name));
        }
        boolean doneBeforeGate = future.isDone();
        gate.countDown();
        List<String> entries = new ArrayList<>(journal.await(TOPIC, 6));
        entries.add("done before the gate opened=" + doneBeforeGate);
        return lines(entries);
    }

    @GET
    @Path("added-after-done")
    public String addedAfterDone() throws Exception {
        journal.clear(TOPIC);
        AsyncFuture<Void> future = (AsyncFuture<Void>) tasks.work();
        future.get(TIMEOUT_SECONDS, SECONDS);
        // The one thread of "single" starts the next call once the first, callbacks included, is over.
        single.flush().get(TIMEOUT_SECONDS, SECONDS);

        Thread registering = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        AsyncFuture<Void> returned = future.addDoneCallback(f -> ranOn.set(Thread.currentThread()));
        return lines(List.of(
                "ran before addDoneCallback returned=" + (ranOn.get() != null),
                "ran on the registering thread=" + (ranOn.get() == registering),
                "addDoneCallback returned the future=" + (returned == future)));
    }

    @GET
    @Path("throwing-callback")
    public String throwingCallback() throws Exception {
        journal.clear(TOPIC);
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<Void> future = (AsyncFuture<Void>) tasks.gatedWork(gate);
        future.addDoneCallback(f -> {
            journal.record(TOPIC, "my_callback raises");
            throw new IllegalStateException("my_callback failed");
        });
        future.addDoneCallback(f -> journal.record(TOPIC, "my_other_callback was called"));
        gate.countDown();
        List<String> entries = new ArrayList<>(journal.await(TOPIC, 3));
        entries.add("future " + outcome(future));
        return lines(entries);
    }

    static String outcome(AsyncFuture<?> future) {
        if (future.isCancelled()) {
            return "cancelled";
        }
        try {
            return "value " + future.get(0, SECONDS);
        } catch (ExecutionException e) {
            return "exception " + e.getCause();
        } catch (Exception e) {
            return "not done: " + e;
        }
    }
}
