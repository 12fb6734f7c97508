package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Executor;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * DESIGN 6: one mistake, one message. Registry.start caches resolved executors with HashMap.computeIfAbsent, which
 * does not store a null: a producer that returns null is called again, and reported again, for every @Async method
 * that uses it (and the producer runs once per method).
 */
class NullExecutorReportedOnceTest {

    @ApplicationScoped
    public static class Producers {
        @Produces
        @Dependent
        @AsyncExecutor("mes")
        Executor mes() {
            return null;
        }
    }

    @ApplicationScoped
    public static class Worker {
        @Async(executor = "mes")
        public void first() {
        }

        @Async(executor = "mes")
        public void second() {
        }

        @Async(executor = "mes")
        public void third() {
        }
    }

    @Test
    void aNullProducerIsReportedOnce() {
        try (WeldContainer container = Boot.deploy(Producers.class, Worker.class)) {
            fail("deployed");
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            int reported = message.split("The producer of executor 'mes' returned null", -1).length - 1;
            assertEquals(1, reported, "times the null producer is reported in:\n" + message);
        }
    }
}
