package dev.cdiasync.servers.app.requestcontext;

import static dev.cdiasync.servers.app.Journal.TIMEOUT_SECONDS;
import static dev.cdiasync.servers.app.Journal.lines;
import static dev.cdiasync.servers.app.requestcontext.RequestState.TOPIC;
import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One @Async call whose body and callbacks use a @RequestScoped bean. Answers once the second
 * callback has run and every instance used has been destroyed.
 */
@Path("request-context")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class RequestContextResource {

    private static final Pattern ID = Pattern.compile("#(\\d+)");

    @Inject
    RequestScopedWork work;

    @Inject
    Journal journal;

    @GET
    public String call() throws Exception {
        journal.clear(TOPIC);
        work.job().get(TIMEOUT_SECONDS, SECONDS);
        return lines(journal.await(TOPIC, RequestContextResource::settled,
                "the second callback and the destruction of every instance used"));
    }

    private static boolean settled(List<String> entries) {
        Set<String> used = new HashSet<>();
        Set<String> destroyed = new HashSet<>();
        boolean secondRan = false;
        for (String entry : entries) {
            Matcher id = ID.matcher(entry);
            if (id.find()) {
                (entry.startsWith("destroyed") ? destroyed : used).add(id.group(1));
            }
            secondRan |= entry.startsWith("second callback");
        }
        return secondRan && destroyed.containsAll(used);
    }
}
