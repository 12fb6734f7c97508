package dev.cdiasync.it.quarkus.isolation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cdiasync.CallbackFailure;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Observes {@link CallbackFailure} events and keeps them. */
@ApplicationScoped
public class FailureRecorder {

    private final List<CallbackFailure> failures = new CopyOnWriteArrayList<>();

    @Inject
    Journal journal;

    void observe(@Observes CallbackFailure failure) {
        failures.add(failure);
        journal.record("failure event of " + failure.callback());
    }

    /** The events observed so far. */
    public List<CallbackFailure> failures() {
        return List.copyOf(failures);
    }

    /** Forgets the events observed so far. */
    public void reset() {
        failures.clear();
    }
}
