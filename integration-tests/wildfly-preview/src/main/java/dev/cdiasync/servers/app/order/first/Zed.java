package dev.cdiasync.servers.app.order.first;

import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import dev.cdiasync.servers.app.Journal;
import dev.cdiasync.servers.app.order.OrderedWorker;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Default-priority callbacks in a class whose simple name sorts last but whose fully qualified name
 * (package ...order.first) sorts before ...order.second.Alpha, and one with an explicit
 * {@code @Priority(2500)} that ties with the default ones.
 */
@ApplicationScoped
public class Zed {

    @Inject
    Journal journal;

    @OnDone(task = "ordered")
    void zed(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "first.Zed#zed");
    }

    @OnDone(task = "ordered")
    @Priority(2500)
    void explicit(Future<?> future) {
        journal.record(OrderedWorker.TOPIC, "first.Zed#explicit");
    }
}
