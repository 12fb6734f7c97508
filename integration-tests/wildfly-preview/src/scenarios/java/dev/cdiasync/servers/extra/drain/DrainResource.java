package dev.cdiasync.servers.extra.drain;

import java.nio.file.Path;

import dev.cdiasync.AsyncFuture;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Starts the calls, each with one runtime callback besides its @OnDone one, and returns at once. */
@jakarta.ws.rs.Path("drain")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class DrainResource {

    @Inject
    DrainTasks tasks;

    @Inject
    Record record;

    @GET
    public String start(@QueryParam("record") String file, @QueryParam("finishing") int finishing,
            @QueryParam("blocking") int blocking) throws Exception {
        record.open(Path.of(file));
        for (int call = 0; call < finishing + blocking; call++) {
            AsyncFuture<Integer> future = (AsyncFuture<Integer>) (call < finishing
                    ? tasks.finishing(call) : tasks.blocking(call));
            int number = call;
            future.addDoneCallback(f -> record.line("runtime call " + number + " " + Record.describe(f)));
        }
        return "started " + (finishing + blocking);
    }
}
