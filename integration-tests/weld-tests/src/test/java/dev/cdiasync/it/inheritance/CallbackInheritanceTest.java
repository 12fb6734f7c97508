package dev.cdiasync.it.inheritance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Proves that @OnDone methods are inherited like observer methods: each bean whose class has the
 * method hears the task once; a subclass that overrides it without @OnDone does not.
 */
@EnableWeld
class CallbackInheritanceTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "job")
        public CompletableFuture<String> job() {
            return CompletableFuture.completedFuture("ok");
        }
    }

    @ApplicationScoped
    public static class BaseListener {

        @Inject
        Journal journal;

        String who() {
            return "base";
        }

        @OnDone(task = "job")
        void heard(Future<String> future) {
            journal.record("heard by " + who());
        }
    }

    /** Inherits {@code heard}: a second callback, called on this bean. */
    @ApplicationScoped
    public static class SubListener extends BaseListener {
        @Override
        String who() {
            return "sub";
        }
    }

    /** A dependent subclass inherits it too. */
    @Dependent
    public static class DependentSubListener extends BaseListener {
        @Override
        String who() {
            return "dependent sub";
        }
    }

    /** Overrides {@code heard} without @OnDone: no callback for this bean. */
    @ApplicationScoped
    public static class Overriding extends BaseListener {
        @Override
        String who() {
            return "overriding";
        }

        @Override
        void heard(Future<String> future) {
            journal.record("overriding method called as a callback");
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Worker.class, BaseListener.class, SubListener.class, DependentSubListener.class, Overriding.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @Test
    void eachBeanWithTheInheritedMethodHearsOnceAndTheOverridingOneDoesNot() throws Exception {
        AsyncFuture<String> future = (AsyncFuture<String>) worker.job();
        // Runtime callbacks run after every annotated one: this marks the end of them.
        future.addDoneCallback(f -> journal.record("end"));

        List<String> entries = new ArrayList<>(journal.await(4));
        assertEquals("end", entries.remove(entries.size() - 1), "exactly three annotated calls: " + entries);
        Collections.sort(entries);
        assertEquals(List.of("heard by base", "heard by dependent sub", "heard by sub"), entries);
    }
}
