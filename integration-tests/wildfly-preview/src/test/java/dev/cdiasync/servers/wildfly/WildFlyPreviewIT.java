package dev.cdiasync.servers.wildfly;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.junit.jupiter.api.BeforeAll;

import dev.cdiasync.servers.scenarios.DeploymentScenarios;
import dev.cdiasync.servers.scenarios.Server;
import dev.cdiasync.servers.scenarios.ServerScenarios;
import dev.cdiasync.servers.scenarios.Wars;

/**
 * The scenarios on WildFly Preview, which the build has started (ports offset by 10000) with this
 * module's WAR in {@code standalone/deployments}. Further applications are deployed and undeployed
 * through the deployment scanner's marker files, so that a failed deployment is a failed test, not
 * an aborted build.
 */
class WildFlyPreviewIT implements ServerScenarios, DeploymentScenarios {

    private static final Path DEPLOYMENTS = Server.home().resolve("standalone").resolve("deployments");

    @BeforeAll
    static void applicationDeployedAtBoot() throws Exception {
        String marker = awaitMarker(Server.app(), ".deployed", ".failed");
        if (marker.equals(".failed")) {
            fail("the test application failed to deploy:\n" + Files.readString(file(Server.app(), ".failed")));
        }
    }

    @Override
    public String managedThreadPrefix() {
        return "EE-ManagedExecutorService-default-Thread-";
    }

    @Override
    public Path serverLog() {
        return Server.home().resolve("standalone").resolve("log").resolve("server.log");
    }

    @Override
    public void deploy(String name) throws Exception {
        if (drop(name).equals(".failed")) {
            String failure = Files.readString(file(name, ".failed"));
            remove(name);
            fail(name + " failed to deploy:\n" + failure);
        }
    }

    @Override
    public String deploymentFailure(String name) throws Exception {
        if (drop(name).equals(".deployed")) {
            undeploy(name);
            fail(name + " deployed, but should have failed");
        }
        String failure = Files.readString(file(name, ".failed"));
        remove(name);
        return failure;
    }

    @Override
    public void undeploy(String name) throws Exception {
        Files.delete(file(name, ".deployed"));
        awaitMarker(name, ".undeployed");
        remove(name);
    }

    /* Writes the WAR beside the scanner's directory and moves it in whole; waits for the outcome. */
    private static String drop(String name) throws Exception {
        remove(name);
        Path staged = Server.buildDir().resolve(name + ".war");
        Wars.build(name).as(ZipExporter.class).exportTo(staged.toFile(), true);
        Files.move(staged, file(name, ""), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return awaitMarker(name, ".deployed", ".failed");
    }

    private static void remove(String name) throws IOException {
        for (String suffix : new String[] {"", ".deployed", ".failed", ".undeployed", ".isdeploying", ".pending"}) {
            Files.deleteIfExists(file(name, suffix));
        }
    }

    private static Path file(String name, String suffix) {
        return DEPLOYMENTS.resolve(name + ".war" + suffix);
    }

    private static String awaitMarker(String name, String... suffixes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Server.TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String suffix : suffixes) {
                if (Files.exists(file(name, suffix))) {
                    return suffix;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the deployment scanner wrote none of " + String.join(", ", suffixes) + " for "
                + name + ".war within " + Server.TIMEOUT_SECONDS + " s");
    }
}
