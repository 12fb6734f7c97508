package dev.cdiasync.servers.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The server's live threads, one per line: id, name, and whether a frame of the given package is on
 * its stack (a body or callback of an undeployed application still running would show there).
 */
@Path("threads")
@Produces(MediaType.TEXT_PLAIN)
public class ThreadsResource {

    @GET
    public String threads(@QueryParam("package") String packageName) {
        String prefix = packageName == null ? null : packageName + ".";
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            boolean inPackage = false;
            for (StackTraceElement frame : thread.getValue()) {
                inPackage |= prefix != null && frame.getClassName().startsWith(prefix);
            }
            lines.add(thread.getKey().getId() + "\t" + thread.getKey().getName() + "\t" + inPackage);
        }
        return String.join("\n", lines);
    }
}
