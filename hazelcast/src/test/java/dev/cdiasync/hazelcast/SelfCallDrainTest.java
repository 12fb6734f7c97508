package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.Async;
import dev.cdiasync.hazelcast.it.App;
import dev.cdiasync.hazelcast.it.App.Journal;
import dev.cdiasync.hazelcast.it.App.Reports;
import dev.cdiasync.hazelcast.it.TestConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * docs/cluster.md, "Shutdown of the caller": closing the caller's container drains its cluster calls
 * like local ones, calls in flight get the grace period. With the default selector (data members) and
 * every member running the same application, a caller is a data member and sends some calls to itself.
 * A call of its own still queued on its own member gets the grace period too: the deployment keeps
 * serving bodies until its drain ends.
 */
class SelfCallDrainTest {

    /** A local @Async method: refused once the container's drain has begun. */
    @ApplicationScoped
    public static class Probe {
        @Async
        public CompletableFuture<String> local() {
            return CompletableFuture.completedFuture("local");
        }
    }

    @Test
    void aCallQueuedOnTheCallersOwnMemberGetsTheGracePeriod() throws Exception {
        Config config = TestConfig.standalone();
        config.getExecutorConfig(TestConfig.EXECUTOR).setPoolSize(1); // the second call waits in the queue
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        App.CallerInstance.instance = instance;
        System.setProperty("dev.cdiasync.shutdown-grace-ms", "60000");
        WeldContainer home;
        try {
            home = new Weld("cdi-async-test-self").disableDiscovery().addBeanClasses(App.CLASSES)
                    .addBeanClasses(App.CallerInstance.class, Probe.class).addInterceptor(App.Tracer.class)
                    .initialize();
        } finally {
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
        Thread releaser = null;
        try {
            Reports reports = home.select(Reports.class).get();
            Probe probe = home.select(Probe.class).get();
            CompletableFuture<String> first = (CompletableFuture<String>) reports.block("first");
            awaitJournal(instance, "started first");
            CompletableFuture<String> second = (CompletableFuture<String>) reports.block("second");

            // Releases both bodies once the drain has begun (the container refuses new calls).
            releaser = new Thread(() -> {
                try {
                    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                    while (!refused(probe.local()) && System.nanoTime() < deadline) {
                        Thread.sleep(10);
                    }
                    Thread.sleep(200); // serve(null) follows inFlight.close() at once
                    Journal.releases(instance).put("first", true);
                    Journal.releases(instance).put("second", true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            releaser.start();
            home.close();
            releaser.join(TimeUnit.MINUTES.toMillis(2));

            String firstOutcome = outcome(first);
            String secondOutcome = outcome(second);
            assertTrue(firstOutcome.startsWith("value first released"), firstOutcome);
            assertTrue(secondOutcome.startsWith("value second released"), () -> "the queued call of the closing"
                    + " container itself was not given the grace period: " + secondOutcome);
        } finally {
            if (releaser != null) {
                releaser.interrupt();
            }
            Journal.releases(instance).put("first", true);
            Journal.releases(instance).put("second", true);
            App.CallerInstance.instance = null;
            if (home.isRunning()) {
                home.close();
            }
            instance.shutdown();
        }
    }

    private static String outcome(CompletableFuture<String> future) throws Exception {
        try {
            return "value " + future.get(2, TimeUnit.MINUTES);
        } catch (ExecutionException e) {
            return "failed with " + e.getCause();
        }
    }

    private static boolean refused(CompletableFuture<String> call) {
        try {
            call.get(1, TimeUnit.MINUTES);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RejectedExecutionException;
        } catch (Exception e) {
            return false;
        }
    }

    private static void awaitJournal(HazelcastInstance instance, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            List<String> entries = new ArrayList<>(Journal.list(instance));
            if (entries.stream().anyMatch(entry -> entry.startsWith(prefix))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no journal entry " + prefix + " in " + new ArrayList<>(Journal.list(instance)));
    }
}
