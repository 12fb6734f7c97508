package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.Async;
import dev.cdiasync.hazelcast.it.App;
import dev.cdiasync.hazelcast.it.TestConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shutdown drain must not depend on the Hazelcast instance still running. On SIGTERM,
 * Hazelcast's own shutdown hook (on by default) and Weld SE's run concurrently, so the instance may be
 * down when the container closes; the drain must still wait for (then cancel) the calls in flight and
 * run their callbacks before close() returns.
 */
class InstanceDownDrainTest {

    static final CountDownLatch STARTED = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    @ApplicationScoped
    public static class LocalWork {
        @Async
        public CompletableFuture<String> hold() throws InterruptedException {
            STARTED.countDown();
            RELEASE.await(); // until cancelled and interrupted by the drain, or released by the test
            return CompletableFuture.completedFuture("released");
        }
    }

    @Test
    void theDrainStillRunsWhenTheHazelcastInstanceIsAlreadyDown() throws Exception {
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(TestConfig.standalone());
        App.CallerInstance.instance = instance;
        System.setProperty("dev.cdiasync.shutdown-grace-ms", "300");
        WeldContainer home;
        try {
            home = new Weld("instance-down").disableDiscovery().addBeanClasses(App.CLASSES)
                    .addBeanClasses(App.CallerInstance.class, LocalWork.class).addInterceptor(App.Tracer.class)
                    .initialize();
        } finally {
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
        try {
            CompletableFuture<String> local = home.select(LocalWork.class).get().hold();
            assertTrue(STARTED.await(2, TimeUnit.MINUTES), "the local body started");

            instance.shutdown(); // as Hazelcast's shutdown hook does on SIGTERM

            Throwable closeFailure = null;
            try {
                home.close();
            } catch (Throwable t) {
                closeFailure = t;
            }
            Throwable failure = closeFailure;
            String outcome = local.handle((value, thrown) -> thrown == null ? "value " + value : thrown.toString())
                    .getNow("not done");
            assertTrue(failure == null && local.isCancelled(), () -> "the drain should have waited the grace period,"
                    + " then cancelled the call still running (as it does while the instance is up); instead close()"
                    + " threw " + failure + " and the call ended with: " + outcome);
        } finally {
            RELEASE.countDown();
            App.CallerInstance.instance = null;
            if (home.isRunning()) {
                home.close();
            }
            instance.shutdown();
        }
    }
}
