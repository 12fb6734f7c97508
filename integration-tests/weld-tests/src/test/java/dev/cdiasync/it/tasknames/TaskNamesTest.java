package dev.cdiasync.it.tasknames;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import jakarta.inject.Inject;

/**
 * Proves how task names bind callbacks: a shared name hears every method that declares it, the
 * default name is SimpleClassName.methodName of the declaring class, and class-level @Async makes
 * each business method a task of its own.
 */
@EnableWeld
class TaskNamesTest {

    @ApplicationScoped
    public static class Mailer {
        @Async(task = "notify")
        public CompletableFuture<String> email(String to) {
            return CompletableFuture.completedFuture("email to " + to);
        }
    }

    @ApplicationScoped
    public static class Texter {
        @Async(task = "notify")
        public Future<Integer> sms(int number) {
            return CompletableFuture.completedFuture(number);
        }
    }

    /** Not a bean: declares the task that its subclass bean inherits. */
    public abstract static class BaseReports {
        @Async
        public CompletableFuture<String> compile(String title) {
            return CompletableFuture.completedFuture("report " + title);
        }
    }

    @ApplicationScoped
    public static class Reports extends BaseReports {
    }

    @Async
    @ApplicationScoped
    public static class Batch {

        @Inject
        Journal journal;

        public CompletableFuture<String> first() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }

        public void second() {
            journal.record("second body on " + Thread.currentThread().getName());
        }
    }

    @ApplicationScoped
    public static class Listener {

        @Inject
        Journal journal;

        @OnDone(task = "notify")
        void notified(AsyncFuture<?> future) {
            journal.record("notify heard " + future.join() + " of task " + future.taskName());
        }

        @OnDone(task = "BaseReports.compile")
        void compiled(Future<String> future) throws Exception {
            journal.record("BaseReports.compile heard " + future.get());
        }

        @OnDone(task = "Batch.first")
        void first(AsyncFuture<String> future) {
            journal.record("Batch.first heard, task " + future.taskName());
        }

        @OnDone(task = "Batch.second")
        void second(AsyncFuture<?> future) {
            journal.record("Batch.second heard, task " + future.taskName());
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Mailer.class, Texter.class, Reports.class, Batch.class, Listener.class, Journal.class);

    @Inject
    Mailer mailer;

    @Inject
    Texter texter;

    @Inject
    Reports reports;

    @Inject
    Batch batch;

    @Inject
    Journal journal;

    @Test
    void callbackOfASharedTaskNameHearsEveryMethodOfThatName() throws Exception {
        AsyncFuture<String> email = (AsyncFuture<String>) mailer.email("ada");
        email.get(Journal.TIMEOUT_SECONDS, SECONDS);
        AsyncFuture<Integer> sms = (AsyncFuture<Integer>) texter.sms(42);

        assertEquals(Set.of("notify heard email to ada of task notify", "notify heard 42 of task notify"),
                new HashSet<>(journal.await(2)));
        assertEquals("notify", email.taskName());
        assertEquals("notify", sms.taskName());
    }

    @Test
    void defaultTaskNameIsSimpleClassNameDotMethodOfTheDeclaringClass() throws Exception {
        AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, reports.compile("q3"));

        assertEquals("BaseReports.compile", future.taskName());
        assertEquals(List.of("BaseReports.compile heard report q3"), journal.await(1));
    }

    @Test
    void classLevelAsyncMakesEveryBusinessMethodAsync() throws Exception {
        AsyncFuture<?> first = assertInstanceOf(AsyncFuture.class, batch.first());
        String thread = (String) first.get(Journal.TIMEOUT_SECONDS, SECONDS);
        assertTrue(thread.startsWith("cdi-async-"), thread);
        assertEquals("Batch.first", first.taskName());
        assertEquals(List.of("Batch.first heard, task Batch.first"), journal.await(1));

        batch.second();
        List<String> entries = journal.await(3);
        assertTrue(entries.get(1).startsWith("second body on cdi-async-"), entries::toString);
        assertEquals("Batch.second heard, task Batch.second", entries.get(2));
    }
}
