package dev.cdiasync.it.review;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DESIGN 6: a callback fails deployment only if the task's result type cannot be assigned to its type argument. For a
 * task returning CompletableFuture<? extends Number>, Future<? extends Number> (what the deployment message itself
 * suggests) certainly fits: Java assigns CompletableFuture<? extends Number> to Future<? extends Number>.
 */
class WildcardResultTypeTest {

    @ApplicationScoped
    public static class Meter {
        @Async(task = "measure")
        public CompletableFuture<? extends Number> measure() {
            return CompletableFuture.completedFuture(42);
        }
    }

    @ApplicationScoped
    public static class Listener {
        @OnDone(task = "measure")
        void measured(Future<? extends Number> future) {
        }
    }

    @Test
    void wildcardResultFitsTheSameWildcard() {
        // Java agrees: Future<? extends Number> f = new Meter().measure();
        Future<? extends Number> javaAccepts = new Meter().measure();
        Boot.assertDeploys("Future<? extends Number> must receive the futures of a CompletableFuture<? extends Number>"
                + " task", Meter.class, Listener.class);
    }
}
