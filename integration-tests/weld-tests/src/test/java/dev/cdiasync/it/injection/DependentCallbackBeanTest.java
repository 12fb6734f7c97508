package dev.cdiasync.it.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** Proves that an @OnDone method of a @Dependent bean is called on a new instance per call, destroyed after it. */
@EnableWeld
class DependentCallbackBeanTest {

    @ApplicationScoped
    public static class Numbers {
        private final AtomicInteger next = new AtomicInteger();

        int next() {
            return next.incrementAndGet();
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async(task = "job")
        public CompletableFuture<String> job() {
            return CompletableFuture.completedFuture("ok");
        }
    }

    @Dependent
    public static class DependentListener {

        @Inject
        Numbers numbers;

        @Inject
        Journal journal;

        private int id;

        @PostConstruct
        void create() {
            id = numbers.next();
        }

        @OnDone(task = "job")
        void heard(Future<String> future) {
            journal.record("heard by #" + id);
        }

        @PreDestroy
        void destroy() {
            journal.record("destroyed #" + id);
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Numbers.class, Worker.class, DependentListener.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Journal journal;

    @Test
    void eachCallGetsANewInstanceDestroyedAfterIt() throws Exception {
        worker.job();
        List<String> first = journal.await(2);
        worker.job();
        List<String> second = journal.await(4).subList(2, 4);

        String one = first.get(0).substring("heard by ".length());
        String two = second.get(0).substring("heard by ".length());
        assertEquals(List.of("heard by " + one, "destroyed " + one), first);
        assertEquals(List.of("heard by " + two, "destroyed " + two), second);
        assertNotEquals(one, two);
    }
}
