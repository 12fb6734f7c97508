package dev.cdiasync.hazelcast.it;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/**
 * The Hazelcast config of the tests' members: 127.0.0.1 only, ports 15701 to 15720 (the range of this
 * module's tests), TCP-IP join, no multicast, no phone-home, a cluster name of the run's own (so that
 * members of another run never join), a Compact serializer for {@link Types.Money}, and the executor
 * "reports" that the test application routes its bodies to.
 */
public final class TestConfig {

    public static final int FIRST_PORT = 15701;
    public static final int LAST_PORT = 15720;
    public static final String EXECUTOR = "reports";

    private TestConfig() {
    }

    /** A member of the test cluster; a lite member runs no bodies (it is the caller). */
    public static Config member(String clusterName, boolean lite) {
        Config config = common("cdi-async-" + clusterName);
        config.setLiteMember(lite);
        config.getMemberAttributeConfig().setAttribute("pid", String.valueOf(ProcessHandle.current().pid()));
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(FIRST_PORT).setPortAutoIncrement(true).setPortCount(LAST_PORT - FIRST_PORT + 1);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).addMember("127.0.0.1");
        return config;
    }

    /** A member that joins nobody, for tests of serialization alone (the top ports of the range). */
    public static Config standalone() {
        Config config = common("cdi-async-standalone-" + ProcessHandle.current().pid());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(LAST_PORT - 3).setPortAutoIncrement(true).setPortCount(4);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(false);
        return config;
    }

    private static Config common(String clusterName) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        // Join quickly: the members of a test start together on 127.0.0.1.
        config.setProperty("hazelcast.wait.seconds.before.join", "1");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
        config.setProperty("hazelcast.tcp.join.port.try.count", String.valueOf(LAST_PORT - FIRST_PORT + 1));
        // Fewer partitions than the default 271: less to migrate when a member of a small test cluster dies.
        config.setProperty("hazelcast.partition.count", "31");
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getExecutorConfig(EXECUTOR).setPoolSize(8);
        config.getSerializationConfig().getCompactSerializationConfig().addSerializer(new Types.MoneySerializer());
        return config;
    }
}
