package dev.cdiasync.it.quarkus.requestcontext;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/** Numbers the request-scoped instances. */
@ApplicationScoped
public class Sequence {

    private final AtomicInteger next = new AtomicInteger();

    int next() {
        return next.incrementAndGet();
    }
}
