package dev.cdiasync.servers.extra.settings;

import java.nio.file.Path;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Starts one waiting call and returns at once, saying what the server's MicroProfile Config (if any)
 * gives this application for dev.cdiasync.shutdown-grace-ms.
 */
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
        return "started\nmicroprofile-config " + SETTING + "=" + configured();
    }

    static final String SETTING = "dev.cdiasync.shutdown-grace-ms";

    /* Reflectively: the application compiles against the Jakarta EE API alone. */
    private static String configured() {
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            Object config = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader)
                    .getMethod("getConfig").invoke(null);
            Object value = Class.forName("org.eclipse.microprofile.config.Config", true, loader)
                    .getMethod("getOptionalValue", String.class, Class.class).invoke(config, SETTING, String.class);
            return String.valueOf(((java.util.Optional<?>) value).orElse(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unavailable: " + e;
        }
    }
}
