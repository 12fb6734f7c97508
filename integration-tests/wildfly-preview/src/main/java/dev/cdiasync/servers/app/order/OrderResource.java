package dev.cdiasync.servers.app.order;

import static dev.cdiasync.servers.app.Journal.lines;
import static dev.cdiasync.servers.app.order.OrderedWorker.TOPIC;

import java.util.concurrent.CountDownLatch;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Callback order: @OnDone by priority, class, method, parameter types; then runtime ones as added. */
@Path("order")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class OrderResource {

    /** 12 annotated callbacks, then the runtime ones. */
    private static final int ANNOTATED = 12;

    @Inject
    OrderedWorker worker;

    @Inject
    Journal journal;

    @GET
    @Path("runtime-added-before-done")
    public String runtimeAddedBeforeDone() throws Exception {
        journal.clear(TOPIC);
        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.run(gate);
        future.addDoneCallback(f -> journal.record(TOPIC, "runtime 1"))
                .addDoneCallback(f -> journal.record(TOPIC, "runtime 2"))
                .addDoneCallback(f -> journal.record(TOPIC, "runtime 3"));
        gate.countDown();
        return lines(journal.await(TOPIC, ANNOTATED + 3));
    }

    @GET
    @Path("runtime-added-after-done")
    public String runtimeAddedAfterDone() throws Exception {
        journal.clear(TOPIC);
        AsyncFuture<String> future = (AsyncFuture<String>) worker.run(new CountDownLatch(0));
        future.join();
        future.addDoneCallback(f -> journal.record(TOPIC, "late runtime"));
        return lines(journal.await(TOPIC, ANNOTATED + 1));
    }
}
