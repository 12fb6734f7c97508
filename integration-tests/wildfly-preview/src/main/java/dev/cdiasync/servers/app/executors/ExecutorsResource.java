package dev.cdiasync.servers.app.executors;

import static dev.cdiasync.servers.app.Journal.TIMEOUT_SECONDS;
import static dev.cdiasync.servers.app.Journal.lines;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Where bodies and callbacks run: thread name, java:comp lookup, context class loader. */
@Path("executors")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ExecutorsResource {

    @Inject
    ThreadProbes probes;

    @Inject
    Journal journal;

    /** No @AsyncExecutor bean without a name in this application: the library's default. */
    @GET
    @Path("default")
    public String onDefault() throws Exception {
        journal.clear(ThreadProbes.DEFAULT);
        return report(probes.onDefault(), ThreadProbes.DEFAULT);
    }

    /** @Async(executor = "mes"), produced from @Resource ManagedExecutorService. */
    @GET
    @Path("mes")
    public String onMes() throws Exception {
        journal.clear(ThreadProbes.MES);
        return report(probes.onMes(), ThreadProbes.MES);
    }

    private String report(Future<List<String>> future, String topic) throws Exception {
        List<String> facts = new ArrayList<>(future.get(TIMEOUT_SECONDS, SECONDS));
        facts.addAll(journal.await(topic, 3));
        return lines(facts);
    }
}
