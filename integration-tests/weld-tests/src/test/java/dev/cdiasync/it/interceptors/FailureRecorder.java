package dev.cdiasync.it.interceptors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cdiasync.CallbackFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Observes {@link CallbackFailure} events and keeps them. */
@ApplicationScoped
public class FailureRecorder {

    private final List<CallbackFailure> failures = new CopyOnWriteArrayList<>();

    void observe(@Observes CallbackFailure failure) {
        failures.add(failure);
    }

    /** The events observed so far. */
    public List<CallbackFailure> failures() {
        return List.copyOf(failures);
    }
}
