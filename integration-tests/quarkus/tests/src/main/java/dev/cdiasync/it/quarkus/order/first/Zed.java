package dev.cdiasync.it.quarkus.order.first;

import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Default-priority callbacks in a class whose simple name sorts last but whose fully qualified name
 * (package ...order.first) sorts before ...order.second.Alpha, plus one with an explicit
 * {@code @Priority(2500)} that must tie with the default ones.
 */
@ApplicationScoped
public class Zed {

    @Inject
    Journal journal;

    @OnDone(task = "ordered")
    void zed(Future<?> future) {
        journal.record("first.Zed#zed");
    }

    @OnDone(task = "ordered")
    @Priority(2500)
    void explicit(Future<?> future) {
        journal.record("first.Zed#explicit");
    }
}
