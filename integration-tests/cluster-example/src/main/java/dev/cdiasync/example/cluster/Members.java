package dev.cdiasync.example.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;

/**
 * The member JVMs of the example, started with this JVM's class path, a small heap and the JVM flags
 * Hazelcast wants ({@code cluster.member.flags}); each runs {@link Member}. They stop when this JVM
 * closes their standard input, or dies.
 */
final class Members implements AutoCloseable {

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    Members(int count, String cluster) throws IOException {
        Path logs = Path.of(System.getProperty("cluster.member.logs", "target/cluster-example"));
        Files.createDirectories(logs);
        for (int i = 1; i <= count; i++) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx160m",
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
            for (String flag : System.getProperty("cluster.member.flags", "").trim().split("\\s+")) {
                if (!flag.isEmpty()) {
                    command.add(flag);
                }
            }
            command.addAll(List.of("-Dexample.cluster=" + cluster, "-cp", System.getProperty("java.class.path"),
                    Member.class.getName()));
            Path log = logs.resolve("member-" + i + ".log");
            this.logs.add(log);
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start());
        }
    }

    /**
     * Waits until this many data members are in the cluster and each member JVM's container has
     * started: a member joins the cluster while its container starts, and refuses bodies until then.
     */
    void awaitJoined(HazelcastInstance hz, int count) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (hz.getCluster().getMembers().stream().filter(member -> !member.isLiteMember()).count() < count
                || !allReady()) {
            for (Process process : processes) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("member JVM " + process.pid() + " exited; see its log in "
                            + System.getProperty("cluster.member.logs"));
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the members did not join within 3 minutes");
            }
            Thread.sleep(100);
        }
    }

    private boolean allReady() throws IOException {
        for (Path log : logs) {
            if (!Files.exists(log) || !Files.readString(log).contains("member ready: ")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
