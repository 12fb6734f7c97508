package dev.cdiasync.hazelcast.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * A test cluster: member JVMs started by the test (each {@link MemberMain}, with the test's class
 * path, a small heap and the JVM flags of the build), and the test JVM's own lite member, the
 * caller. Closing it stops every member JVM: their standard input is closed, and what is still
 * alive after 30 s is killed.
 */
public final class Cluster implements AutoCloseable {

    private final String name = UUID.randomUUID().toString().substring(0, 8);
    private final Path logs = Path.of(System.getProperty("cluster.member.logs", "target/cluster-members"));
    private final Map<Long, Process> members = new ConcurrentHashMap<>();
    private final Map<Long, Path> memberLogs = new ConcurrentHashMap<>();
    private final HazelcastInstance caller;
    private int started;

    public Cluster(int dataMembers) throws IOException {
        Files.createDirectories(logs);
        for (int i = 0; i < dataMembers; i++) {
            start();
        }
        caller = Hazelcast.newHazelcastInstance(TestConfig.member(name, true));
        awaitDataMembers(dataMembers);
    }

    /** The test JVM's lite member. */
    public HazelcastInstance caller() {
        return caller;
    }

    /** Starts member JVMs until there are this many data members, and waits for them to join. */
    public void ensureDataMembers(int count) throws IOException {
        for (int i = members.size(); i < count; i++) {
            start();
        }
        awaitDataMembers(count);
    }

    /** The data members, by their process id. */
    public Map<Long, Member> dataMembers() {
        return caller.getCluster().getMembers().stream().filter(member -> !member.isLiteMember())
                .collect(Collectors.toMap(member -> Long.parseLong(member.getAttribute("pid")), member -> member));
    }

    /** Kills a member JVM at once, as a crash would. */
    public void kill(long pid) throws InterruptedException {
        Process process = members.remove(pid);
        if (process == null) {
            throw new IllegalArgumentException("no member JVM of this test has pid " + pid + ": " + members.keySet());
        }
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops a member JVM as an operator would: it closes its container, which shuts its instance down. */
    public void stop(long pid) throws InterruptedException, IOException {
        Process process = members.remove(pid);
        if (process == null) {
            throw new IllegalArgumentException("no member JVM of this test has pid " + pid + ": " + members.keySet());
        }
        process.getOutputStream().close();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("member " + pid + " did not stop within a minute");
        }
    }

    /** Waits (two minutes at most) until the log of this member JVM has the text. */
    public void awaitLog(long pid, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Path log = memberLogs.get(pid);
        while (!Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("member " + pid + " never wrote '" + text + "' to " + log);
            }
            Thread.sleep(20);
        }
    }

    private void start() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx160m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        for (String flag : System.getProperty("cluster.member.flags", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-Dtest.cluster=" + name);
        command.add("-Ddev.cdiasync.shutdown-grace-ms=5000"); // a stopping member waits this long for the bodies it runs
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(MemberMain.class.getName());
        File log = logs.resolve("member-" + name + "-" + (++started) + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        members.put(process.pid(), process);
        memberLogs.put(process.pid(), log.toPath());
    }

    private boolean containersStarted() {
        for (Long pid : members.keySet()) {
            Path log = memberLogs.get(pid);
            try {
                if (log == null || !Files.readString(log).contains("member ready: pid " + pid)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private void awaitDataMembers(int count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        // Joined is not enough: a member joins while its container starts, and refuses bodies until it has.
        // And the caller's view must be the JVMs that run: a member stopped or killed just before may still be in it.
        while (!dataMembers().keySet().equals(members.keySet()) || !containersStarted()) {
            for (Process process : members.values()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("member JVM " + process.pid() + " exited with "
                            + process.exitValue() + "; see " + logs);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the cluster's data members " + dataMembers().keySet() + " did not"
                        + " become the " + count + " member JVMs " + members.keySet() + " within 3 minutes; see " + logs);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            caller.shutdown();
        } finally {
            for (Process process : members.values()) {
                try {
                    process.getOutputStream().close(); // the member stops at the end of its input
                } catch (IOException e) {
                    process.destroy();
                }
            }
            for (Process process : members.values()) {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            members.clear();
        }
    }
}
