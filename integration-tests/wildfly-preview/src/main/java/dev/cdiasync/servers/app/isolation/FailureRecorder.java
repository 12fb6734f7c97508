package dev.cdiasync.servers.app.isolation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.cdiasync.CallbackFailure;
import dev.cdiasync.servers.app.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Observes {@link CallbackFailure} events, records them in the task's topic and keeps them. */
@ApplicationScoped
public class FailureRecorder {

    private final List<CallbackFailure> failures = new CopyOnWriteArrayList<>();

    @Inject
    Journal journal;

    void observe(@Observes CallbackFailure failure) {
        failures.add(failure);
        journal.record(failure.taskName(), "failure event: task=" + failure.taskName() + " callback="
                + failure.callback() + " failure=" + failure.failure());
    }

    public List<CallbackFailure> failures() {
        return List.copyOf(failures);
    }

    public void clear() {
        failures.clear();
    }
}
