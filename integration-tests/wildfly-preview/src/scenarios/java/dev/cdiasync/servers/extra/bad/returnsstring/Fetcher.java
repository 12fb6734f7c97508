package dev.cdiasync.servers.extra.bad.returnsstring;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/** Bad: an @Async method that returns the result itself, which no call can return at once. */
@ApplicationScoped
public class Fetcher {

    @Async
    public String fetch(int id) {
        return "item " + id;
    }
}
