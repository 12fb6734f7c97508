package dev.cdiasync.servers.app.requestcontext;

import java.util.concurrent.atomic.AtomicInteger;

import dev.cdiasync.servers.app.Journal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean that numbers its instances and records when one is destroyed. */
@RequestScoped
public class RequestState {

    public static final String TOPIC = "request-context";

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Inject
    Journal journal;

    private int id;

    @PostConstruct
    void create() {
        id = SEQUENCE.incrementAndGet();
    }

    public int id() {
        return id;
    }

    @PreDestroy
    void destroy() {
        journal.record(TOPIC, "destroyed #" + id);
    }
}
