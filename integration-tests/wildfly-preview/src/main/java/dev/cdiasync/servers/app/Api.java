package dev.cdiasync.servers.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The test application: each resource under {@code /api} plays one scenario with {@code @Async}
 * calls inside the server and answers with what happened, one fact per line ({@code text/plain}).
 */
@ApplicationPath("api")
public class Api extends Application {
}
