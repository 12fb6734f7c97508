package dev.cdiasync.servers.extra.drain;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application undeployed with calls in flight; it records into a file that outlives it. */
@ApplicationPath("api")
public class DrainApi extends Application {
}
