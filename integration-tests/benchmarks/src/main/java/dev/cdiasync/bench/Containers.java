package dev.cdiasync.bench;

import java.util.logging.Level;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.Weld;

/** Boots the Weld SE containers of the benchmarks: discovery off, only the classes named. */
public final class Containers {

    /* Held so that the level set below is kept (loggers are weakly referenced). */
    private static final Logger WELD_LOG = Logger.getLogger("org.jboss.weld");

    private Containers() {
    }

    /** A Weld with discovery disabled, no shutdown hook and quiet boot logging. */
    public static Weld weld(String id) {
        WELD_LOG.setLevel(Level.WARNING);
        return new Weld(id).disableDiscovery().skipShutdownHook();
    }
}
