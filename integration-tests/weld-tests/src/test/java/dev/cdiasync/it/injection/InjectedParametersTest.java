package dev.cdiasync.it.injection;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
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
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;

/**
 * Proves that the parameters of an @OnDone method after the future are injected like an observer
 * method's: the bean, the qualified one, and a fresh @Dependent instance destroyed after the call.
 */
@EnableWeld
class InjectedParametersTest {

    @Qualifier
    @Retention(RUNTIME)
    @Target({TYPE, METHOD, FIELD, PARAMETER})
    public @interface Slow {
    }

    @ApplicationScoped
    public static class Metrics {
        private final AtomicInteger count = new AtomicInteger();

        int increment() {
            return count.incrementAndGet();
        }
    }

    public interface Channel {
        String name();
    }

    @ApplicationScoped
    public static class FastChannel implements Channel {
        @Override
        public String name() {
            return "fast";
        }
    }

    @Slow
    @ApplicationScoped
    public static class SlowChannel implements Channel {
        @Override
        public String name() {
            return "slow";
        }
    }

    /** Numbers the helpers, per deployment. */
    @ApplicationScoped
    public static class HelperNumbers {
        private final AtomicInteger next = new AtomicInteger();

        int next() {
            return next.incrementAndGet();
        }
    }

    /** A dependent helper: each injection gets a new one, numbered per deployment. */
    @Dependent
    public static class Helper {

        @Inject
        Journal journal;

        @Inject
        HelperNumbers numbers;

        private int id;

        int id() {
            if (id == 0) {
                id = numbers.next();
            }
            return id;
        }

        @PreDestroy
        void destroy() {
            journal.record("helper #" + id() + " destroyed");
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async(task = "job")
        public CompletableFuture<String> job(String value) {
            return CompletableFuture.completedFuture(value);
        }
    }

    @ApplicationScoped
    public static class Listener {

        @Inject
        Journal journal;

        @OnDone(task = "job")
        @Priority(1)
        void count(Future<String> future, Metrics metrics) throws Exception {
            journal.record("count " + future.get() + " -> " + metrics.increment());
        }

        @OnDone(task = "job")
        @Priority(2)
        void route(Future<String> future, Channel unqualified, @Slow Channel slow) {
            journal.record("route " + unqualified.name() + " and " + slow.name());
        }

        @OnDone(task = "job")
        @Priority(3)
        void help(Future<String> future, Helper helper) {
            journal.record("helper #" + helper.id() + " used");
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Metrics.class, FastChannel.class, SlowChannel.class, HelperNumbers.class, Helper.class, Worker.class, Listener.class, Journal.class);

    @Inject
    Worker worker;

    @Inject
    Metrics metrics;

    @Inject
    Journal journal;

    @Test
    void beanParameterIsTheBean() throws Exception {
        worker.job("a");
        assertEquals("count a -> 1", journal.await(4).get(0)); // all four callbacks of the first call ran

        worker.job("b");
        List<String> entries = journal.await(5); // four entries per call
        assertEquals("count b -> 2", entries.get(4), entries::toString);
        assertEquals(3, metrics.increment(), "the same application-scoped Metrics the test holds");
    }

    @Test
    void qualifiersOfParametersAreHonoured() throws Exception {
        worker.job("a");
        assertEquals("route fast and slow", journal.await(2).get(1));
    }

    @Test
    void dependentParameterIsFreshAndDestroyedAfterTheCall() throws Exception {
        worker.job("a");
        List<String> first = journal.await(4).subList(2, 4);
        worker.job("b");
        List<String> second = journal.await(8).subList(6, 8);

        String one = first.get(0).split(" ")[1];
        String two = second.get(0).split(" ")[1];
        assertEquals(List.of("helper " + one + " used", "helper " + one + " destroyed"), first);
        assertEquals(List.of("helper " + two + " used", "helper " + two + " destroyed"), second);
        assertNotEquals(one, two, "a new dependent instance per call");
    }
}
