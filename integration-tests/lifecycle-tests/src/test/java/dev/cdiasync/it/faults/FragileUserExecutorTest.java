package dev.cdiasync.it.faults;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.ApplicationExecutor;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.inject.Singleton;

/** Proves that an application executor whose shutdown throws never disturbs closing the container: the library never shuts it down, yet drains its calls. */
class FragileUserExecutorTest {

    /** A named executor that must not be shut down by anyone but its owner: shutdown throws. */
    @Singleton
    @AsyncExecutor("fragile")
    public static class FragileExecutor extends ApplicationExecutor {
        public FragileExecutor() {
            super("fragile-worker", true);
        }
    }

    @ApplicationScoped
    public static class Work {
        @Async(task = "slow", executor = "fragile")
        public CompletableFuture<String> slow(CountDownLatch started) throws InterruptedException {
            started.countDown();
            Thread.sleep(200); // simulated work, still running when the container starts closing
            return CompletableFuture.completedFuture("finished");
        }
    }

    @Singleton
    public static class Recorder {
        final List<String> events = new CopyOnWriteArrayList<>();

        @OnDone(task = "slow")
        void done(AsyncFuture<String> future) {
            events.add("done " + future.handle((value, failure) -> value != null ? value : failure.toString()).join());
        }
    }

    private FragileExecutor fragile;

    @AfterEach
    void releaseTheApplicationPool() throws InterruptedException {
        if (fragile != null) {
            fragile.release();
        }
    }

    @Test
    void closingTheContainerNeverShutsDownTheApplicationsExecutor() throws Exception {
        AsyncFuture<String> future;
        Recorder recorder;
        try (SeContainer container = Containers.boot(Map.of(), FragileExecutor.class, Work.class, Recorder.class)) {
            fragile = container.select(FragileExecutor.class, AsyncExecutor.Literal.of("fragile")).get();
            recorder = container.select(Recorder.class).get();
            CountDownLatch started = new CountDownLatch(1);
            future = (AsyncFuture<String>) container.select(Work.class).get().slow(started);
            assertTrue(started.await(30, SECONDS));
        } // close() must neither throw nor give up on the running call

        assertEquals(0, fragile.shutdownCalls(), "the library never shuts down an application executor");
        assertFalse(fragile.isShutdown());
        assertEquals("finished", future.getNow("not finished"), "the running call was drained, not dropped");
        assertEquals(List.of("done finished"), recorder.events);
    }
}
