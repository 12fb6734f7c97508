package dev.cdiasync.servers.extra.settings;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * One application deployed several times, each copy with its own dev.cdiasync.shutdown-grace-ms in
 * META-INF/microprofile-config.properties.
 */
@ApplicationPath("api")
public class SettingsApi extends Application {
}
