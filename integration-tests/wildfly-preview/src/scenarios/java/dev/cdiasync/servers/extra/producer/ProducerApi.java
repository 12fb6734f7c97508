package dev.cdiasync.servers.extra.producer;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** An application whose named executor comes from a @Dependent producer of a @Resource field. */
@ApplicationPath("api")
public class ProducerApi extends Application {
}
