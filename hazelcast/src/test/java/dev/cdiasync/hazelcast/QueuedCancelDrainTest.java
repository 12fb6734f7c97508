package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.hazelcast.it.App;
import dev.cdiasync.hazelcast.it.App.Journal;
import dev.cdiasync.hazelcast.it.App.Reports;
import dev.cdiasync.hazelcast.it.TestConfig;

/**
 * The drain cancels (cancel(true)) a call whose body waits in its member's queue behind a body of
 * another caller: the member marks it cancelled, it will never start, and the member's answer tells
 * the call so. The drain then neither waits for it until its task reaches the head of the queue nor
 * warns that "bodies ignore interruption and are still running".
 */
class QueuedCancelDrainTest {

    @Test
    void aCancelledQueuedBodyDoesNotHoldUpTheDrainAsAStubbornRunningBody() throws Exception {
        Config config = TestConfig.standalone();
        config.getExecutorConfig(TestConfig.EXECUTOR).setPoolSize(1);
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        App.CallerInstance.instance = instance;
        System.setProperty("dev.cdiasync.shutdown-grace-ms", "300");
        WeldContainer home;
        try {
            home = new Weld("cdi-async-test-queued").disableDiscovery().addBeanClasses(App.CLASSES)
                    .addBeanClasses(App.CallerInstance.class).addInterceptor(App.Tracer.class).initialize();
        } finally {
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
        List<String> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    synchronized (warnings) {
                        warnings.add(record.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("dev.cdiasync");
        try {
            // Another caller's body (not this container's call) holds the member's only executor thread.
            StandaloneMemberTest.Call other = new StandaloneMemberTest.Call("other") {
                @Override
                public String method() {
                    return Reports.class.getName() + "#block(java.lang.String)";
                }
            };
            ClusterExecutor.of(instance, TestConfig.EXECUTOR).submit(other);
            awaitJournal(instance, "started other");

            CompletableFuture<String> mine = (CompletableFuture<String>) home.select(Reports.class).get().block("mine");

            logger.addHandler(handler);
            home.close(); // grace 300 ms, then cancel(true): "mine" is marked cancelled in the member's queue

            assertTrue(mine.isCancelled());
            List<String> seen;
            synchronized (warnings) {
                seen = new ArrayList<>(warnings);
            }
            assertEquals(List.of(), seen.stream().filter(w -> w.contains("ignore interruption")).toList(),
                    "no body of this container runs: the only call left was cancelled before it started");
        } finally {
            logger.removeHandler(handler);
            Journal.releases(instance).put("other", true);
            App.CallerInstance.instance = null;
            if (home.isRunning()) {
                home.close();
            }
            instance.shutdown();
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
