package dev.cdiasync.it.quarkus.requestcontext;

import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** A request-scoped bean that says which instance it is and records its destruction. */
@RequestScoped
public class RequestState {

    @Inject
    Sequence sequence;

    @Inject
    Journal journal;

    private int id;

    @PostConstruct
    void create() {
        id = sequence.next();
    }

    public int id() {
        return id;
    }

    @PreDestroy
    void destroy() {
        journal.record("destroyed #" + id);
    }
}
