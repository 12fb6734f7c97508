package dev.cdiasync.it.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import jakarta.inject.Inject;

/**
 * Proves the library works when booted with the plain CDI SE API and discovery disabled, as an
 * application without weld-junit5 would, without naming the extension: Weld loads it as a service.
 */
class PlainSeContainerTest {

    @ApplicationScoped
    public static class Greeter {
        @Async(task = "greet")
        public CompletableFuture<String> greet(String name) {
            return CompletableFuture.completedFuture("hello " + name + " from "
                    + Thread.currentThread().getName());
        }
    }

    @ApplicationScoped
    public static class Listener {

        @Inject
        Journal journal;

        @OnDone(task = "greet")
        void greeted(Future<String> future) throws Exception {
            journal.record("callback saw " + future.get());
        }
    }

    @Test
    void taskRunsAndItsCallbackHearsIt() throws Exception {
        try (SeContainer container = SeContainerInitializer.newInstance()
                .disableDiscovery()
                .addBeanClasses(Greeter.class, Listener.class, Journal.class)
                .initialize()) {
            Greeter greeter = container.select(Greeter.class).get();
            Journal journal = container.select(Journal.class).get();

            AsyncFuture<?> future = assertInstanceOf(AsyncFuture.class, greeter.greet("ada"));
            List<String> entries = journal.await(1);

            String value = (String) future.join();
            assertTrue(value.startsWith("hello ada from cdi-async-"), value);
            assertEquals(List.of("callback saw " + value), entries);
        }
    }
}
