package dev.cdiasync.servers.glassfish;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.servers.scenarios.DeploymentScenarios;
import dev.cdiasync.servers.scenarios.Server;
import dev.cdiasync.servers.scenarios.ServerScenarios;
import dev.cdiasync.servers.scenarios.Wars;

/**
 * The scenarios on GlassFish 8, started and stopped by Arquillian's managed container (once for the
 * whole run) on the JDK 21+ the build found. The main application is deployed for the class; the
 * others only when a test asks, through the Deployer, which hands a failed deployment's message back.
 */
@ExtendWith(ArquillianExtension.class)
public class GlassFishIT implements ServerScenarios, DeploymentScenarios {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = Wars.APP, testable = false)
    public static WebArchive app() {
        return Wars.app();
    }

    @Deployment(name = Wars.PRODUCER, managed = false, testable = false)
    public static WebArchive producer() {
        return Wars.build(Wars.PRODUCER);
    }

    @Deployment(name = Wars.DRAIN, managed = false, testable = false)
    public static WebArchive drain() {
        return Wars.build(Wars.DRAIN);
    }

    @Deployment(name = Wars.SETTINGS_SHORT, managed = false, testable = false)
    public static WebArchive settingsShort() {
        return Wars.build(Wars.SETTINGS_SHORT);
    }

    @Deployment(name = Wars.SETTINGS_LONG, managed = false, testable = false)
    public static WebArchive settingsLong() {
        return Wars.build(Wars.SETTINGS_LONG);
    }

    @Deployment(name = Wars.SETTINGS_MALFORMED, managed = false, testable = false)
    public static WebArchive settingsMalformed() {
        return Wars.build(Wars.SETTINGS_MALFORMED);
    }

    @Deployment(name = Wars.BAD_UNKNOWN_TASK, managed = false, testable = false)
    public static WebArchive badUnknownTask() {
        return Wars.build(Wars.BAD_UNKNOWN_TASK);
    }

    @Deployment(name = Wars.BAD_RETURNS_STRING, managed = false, testable = false)
    public static WebArchive badReturnsString() {
        return Wars.build(Wars.BAD_RETURNS_STRING);
    }

    @Deployment(name = Wars.BAD_UNKNOWN_EXECUTOR, managed = false, testable = false)
    public static WebArchive badUnknownExecutor() {
        return Wars.build(Wars.BAD_UNKNOWN_EXECUTOR);
    }

    @Deployment(name = Wars.BAD_NULL_PRODUCER, managed = false, testable = false)
    public static WebArchive badNullProducer() {
        return Wars.build(Wars.BAD_NULL_PRODUCER);
    }

    @Override
    public String managedThreadPrefix() {
        return "concurrent/__defaultManagedExecutorService";
    }

    @Override
    public Path serverLog() {
        return Server.home().resolve("glassfish/domains/domain1/logs/server.log");
    }

    @Override
    public void deploy(String name) {
        deployer.deploy(name);
    }

    @Override
    public String deploymentFailure(String name) {
        try {
            deployer.deploy(name);
        } catch (Exception failure) { // Arquillian's DeploymentException is checked, yet thrown
            return messages(failure);
        }
        deployer.undeploy(name);
        return fail(name + " deployed, but should have failed");
    }

    @Override
    public void undeploy(String name) {
        deployer.undeploy(name);
    }

    /* Every message of the failure, its causes and what they suppressed. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        append(failure, all, seen);
        return all.toString();
    }

    private static void append(Throwable failure, StringBuilder all, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        all.append(failure).append('\n');
        for (Throwable suppressed : failure.getSuppressed()) {
            append(suppressed, all, seen);
        }
        append(failure.getCause(), all, seen);
    }
}
