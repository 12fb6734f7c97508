package dev.cdiasync.servers.extra.bad.unknownexecutor;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** Bad: an @Async method naming an executor no bean provides. */
@ApplicationScoped
public class Reader {

    @Async(executor = "reporting")
    public void read() {
    }
}
