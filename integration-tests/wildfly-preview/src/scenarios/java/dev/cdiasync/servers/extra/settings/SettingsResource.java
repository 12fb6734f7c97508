package dev.cdiasync.servers.extra.settings;

import java.nio.file.Path;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Starts one waiting call and returns at once. */
@jakarta.ws.rs.Path("settings")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class SettingsResource {

    @Inject
    Waiter waiter;

    @GET
    public String start(@QueryParam("record") String record, @QueryParam("release") String release) {
        waiter.recordTo(Path.of(record));
        waiter.waitFor(release);
        return "started";
    }
}
