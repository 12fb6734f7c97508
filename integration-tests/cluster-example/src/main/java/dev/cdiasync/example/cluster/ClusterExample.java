package dev.cdiasync.example.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/**
 * Starts three member JVMs, then this JVM as a lite member with the same application, spreads 20
 * {@code @Async} calls over the cluster, prints which member ran each and the callbacks that ran
 * here, and shuts everything down.
 */
public final class ClusterExample {

    private static final int CALLS = 20;
    private static final CountDownLatch CALLBACKS = new CountDownLatch(CALLS);

    private ClusterExample() {
    }

    public static void main(String[] args) throws Exception {
        configureLogging();
        String cluster = "cdi-async-example-" + UUID.randomUUID().toString().substring(0, 8);
        System.setProperty("example.cluster", cluster);
        System.setProperty("example.lite", "true"); // this JVM calls; the members run the bodies
        say("Starting 3 member JVMs (Weld SE + Hazelcast, cluster " + cluster + ") and this caller, pid "
                + ProcessHandle.current().pid() + " ...");
        try (Members members = new Members(3, cluster);
                SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            HazelcastInstance hz = container.select(HazelcastInstance.class).get();
            members.awaitJoined(hz, 3);
            for (Member member : hz.getCluster().getMembers()) {
                say("  member " + member.getAddress() + " pid " + member.getAttribute("pid")
                        + (member.isLiteMember() ? " (lite: the caller, runs no bodies)" : ""));
            }

            say("Calling render(1.." + CALLS + "): each call returns at once; the @OnDone callbacks print here.");
            Reports reports = container.select(Reports.class).get();
            List<CompletableFuture<Reports.Rendered>> futures = new ArrayList<>();
            for (int i = 1; i <= CALLS; i++) {
                futures.add(reports.render(i));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
            CALLBACKS.await(1, TimeUnit.MINUTES);

            Map<String, Integer> byMember = new TreeMap<>();
            for (CompletableFuture<Reports.Rendered> future : futures) {
                byMember.merge(future.join().member() + " (pid " + future.join().pid() + ")", 1, Integer::sum);
            }
            say("Spread: " + byMember);
            say("Closing the caller's container (it drains its calls), then stopping the members ...");
        }
        say("Done: every member JVM has exited.");
    }

    static synchronized void say(String line) {
        System.out.println(line);
    }

    static void done() {
        CALLBACKS.countDown();
    }

    private static void configureLogging() throws IOException {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream config = ClusterExample.class.getResourceAsStream("/logging.properties")) {
                LogManager.getLogManager().readConfiguration(config);
            }
        }
    }
}
