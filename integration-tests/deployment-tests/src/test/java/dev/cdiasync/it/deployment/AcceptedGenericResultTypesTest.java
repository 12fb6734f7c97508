package dev.cdiasync.it.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import dev.cdiasync.testing.AsyncWeld;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Generic results are checked by their type arguments without false alarms: Future<List<String>> and wildcards over it
 * fit a List<String> task, and a task declared with a type variable in a generic superclass deploys.
 */
@EnableWeld
class AcceptedGenericResultTypesTest {

    @ApplicationScoped
    public static class Directory {
        @Async(task = "names")
        public CompletableFuture<List<String>> names() {
            return CompletableFuture.completedFuture(List.of("ada", "alan"));
        }
    }

    /** Declares a task whose result type is a type variable, bound by the bean class below. */
    public abstract static class Loader<T> {
        abstract T value();

        @Async(task = "load")
        public CompletionStage<T> load() {
            return CompletableFuture.completedFuture(value());
        }
    }

    @ApplicationScoped
    public static class GreetingLoader extends Loader<String> {
        @Override
        String value() {
            return "hello";
        }
    }

    @ApplicationScoped
    public static class Calls extends Recorder {
        public Calls() {
            super(5);
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @Inject
        Calls calls;

        @OnDone(task = "names")
        void exact(Future<List<String>> future) {
            calls.record("Future<List<String>>", future);
        }

        @OnDone(task = "names")
        void bounded(Future<? extends Collection<String>> future) {
            calls.record("Future<? extends Collection<String>>", future);
        }

        @OnDone(task = "names")
        void anyList(CompletableFuture<List<?>> future) {
            calls.record("CompletableFuture<List<?>>", future);
        }

        @OnDone(task = "load")
        void loaded(Future<String> future) {
            calls.record("load Future<String>", future);
        }

        @OnDone(task = "load")
        void loadedAny(Future<?> future) {
            calls.record("load Future<?>", future);
        }
    }

    @WeldSetup
    WeldInitiator weld = AsyncWeld.of(Directory.class, GreetingLoader.class, Calls.class, Reporter.class);

    @Inject
    Directory directory;

    @Inject
    GreetingLoader loader;

    @Inject
    Calls calls;

    @Test
    void eachAcceptedCallbackReceivesTheResult() throws Exception {
        directory.names();
        loader.load();

        assertEquals(Map.of("Future<List<String>>", List.of("ada", "alan"),
                "Future<? extends Collection<String>>", List.of("ada", "alan"),
                "CompletableFuture<List<?>>", List.of("ada", "alan"),
                "load Future<String>", "hello", "load Future<?>", "hello"), calls.awaitResults());
    }
}
