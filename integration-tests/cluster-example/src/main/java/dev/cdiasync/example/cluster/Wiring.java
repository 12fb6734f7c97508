package dev.cdiasync.example.cluster;

import java.util.concurrent.Executor;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.hazelcast.ClusterExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

/**
 * All an application adds to run {@code @Async} bodies on a cluster: its Hazelcast instance, and the
 * cluster executor over one of the instance's {@code IExecutorService}s. Every member runs this same
 * application; the caller here is a lite member (system property {@code example.lite}), which calls
 * but never runs bodies.
 */
@ApplicationScoped
public class Wiring {

    @Produces
    @AsyncExecutor("cluster")
    Executor cluster(HazelcastInstance hz) {
        return ClusterExecutor.of(hz, "reports");
    }

    @Produces
    @ApplicationScoped
    HazelcastInstance hazelcast() {
        Config config = new Config();
        config.setClusterName(System.getProperty("example.cluster", "cdi-async-example"));
        config.setLiteMember(Boolean.getBoolean("example.lite"));
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.tcp.join.port.try.count", "20");
        config.getMemberAttributeConfig().setAttribute("pid", String.valueOf(ProcessHandle.current().pid()));
        config.getNetworkConfig().setPort(15701).setPortCount(20);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        config.getExecutorConfig("reports").setPoolSize(4);
        return Hazelcast.newHazelcastInstance(config);
    }

    void shutdown(@Disposes HazelcastInstance hz) {
        hz.shutdown();
    }
}
