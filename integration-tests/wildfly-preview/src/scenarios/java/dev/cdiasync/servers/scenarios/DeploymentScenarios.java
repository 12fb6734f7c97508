package dev.cdiasync.servers.scenarios;

import static dev.cdiasync.servers.scenarios.Server.TIMEOUT_SECONDS;
import static dev.cdiasync.servers.scenarios.Server.api;
import static dev.cdiasync.servers.scenarios.Server.assertLines;
import static dev.cdiasync.servers.scenarios.Server.awaitLines;
import static dev.cdiasync.servers.scenarios.ServerScenarios.fact;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Tests that deploy and undeploy applications of their own ({@link Wars}) next to the main one: a
 * @Dependent @Resource executor producer, undeploy with calls in flight, settings per deployment.
 */
public interface DeploymentScenarios {

    /** Deploys the application {@link Wars#build(String) of that name}; fails with the server's message if it fails. */
    void deploy(String name) throws Exception;

    /** Deploys the application, which must fail, and returns what the server said about it. */
    String deploymentFailure(String name) throws Exception;

    /** Undeploys the application; returns once the server has. */
    void undeploy(String name) throws Exception;

    String managedThreadPrefix();

    Path serverLog();

    @Test
    default void dependentProducerOfAResourceExecutorServesItsNamedExecutor() throws Exception {
        deploy(Wars.PRODUCER);
        try {
            List<String> facts = Server.get(api(Wars.PRODUCER, "producer"));
            assertTrue(fact(facts, "body.thread").startsWith(managedThreadPrefix()), facts::toString);
            assertTrue(fact(facts, "callback.thread").startsWith(managedThreadPrefix()), facts::toString);
        } finally {
            undeploy(Wars.PRODUCER);
        }
    }

    Pattern BODY = Pattern.compile("body (\\d+) thread (\\d+) (.*)");
    Pattern RUNTIME = Pattern.compile("runtime call (\\d+) future=(\\w+) (.*)");
    Pattern ANNOTATED = Pattern.compile("@OnDone future=(\\w+) (.*)");

    @Test
    default void undeployWithCallsInFlightRunsEveryCallbackOnceAndLeavesNoThread() throws Exception {
        int finishing = 5;
        int blocking = 10;
        Path record = Server.recordFile("drain.txt");
        deploy(Wars.DRAIN);
        Server.get(api(Wars.DRAIN, "drain?finishing=" + finishing + "&blocking=" + blocking + "&record="
                + URLEncoder.encode(record.toString(), UTF_8)));
        awaitLines(record, lines -> lines.stream().anyMatch(line -> line.contains("body " + finishing + " ")),
                "a blocking body running");
        long logBefore = Files.size(serverLog());

        undeploy(Wars.DRAIN);

        List<String> lines = Files.readAllLines(record);
        Map<String, Integer> runtimeByFuture = new HashMap<>();
        Set<Integer> calls = new HashSet<>();
        Map<String, Integer> annotatedByFuture = new HashMap<>();
        Map<Long, String> bodyThreads = new HashMap<>();
        for (String line : lines) {
            Matcher runtime = RUNTIME.matcher(line);
            Matcher annotated = ANNOTATED.matcher(line);
            Matcher body = BODY.matcher(line);
            if (runtime.matches()) {
                assertTrue(calls.add(Integer.parseInt(runtime.group(1))), "one runtime callback per call: " + lines);
                runtimeByFuture.merge(runtime.group(2), 1, Integer::sum);
            } else if (annotated.matches()) {
                annotatedByFuture.merge(annotated.group(1), 1, Integer::sum);
            } else if (body.matches()) {
                bodyThreads.put(Long.parseLong(body.group(2)), body.group(3));
            }
        }
        assertEquals(finishing + blocking, calls.size(), "every call's runtime callback ran:\n" + String.join("\n", lines));
        assertEquals(runtimeByFuture.keySet(), annotatedByFuture.keySet(), "every future's @OnDone callback ran");
        assertTrue(annotatedByFuture.values().stream().allMatch(count -> count == 1),
                "each @OnDone callback ran once: " + annotatedByFuture);
        assertFalse(bodyThreads.isEmpty(), lines::toString);

        // No thread runs the undeployed application's code any more, and none of the threads its
        // bodies ran on is left unless it belongs to the container's managed pool.
        List<String> threads = Server.scenario("threads?package=" + Wars.EXTRA + ".drain");
        for (String thread : threads) {
            String[] fields = thread.split("\t");
            assertEquals("false", fields[2], "a thread still runs the undeployed application: " + thread);
            String ranBody = bodyThreads.get(Long.parseLong(fields[0]));
            assertTrue(ranBody == null || fields[1].startsWith(managedThreadPrefix()),
                    "thread " + thread + " ran a body of the undeployed application and is still alive");
        }

        String logged = new String(ServerScenarios.readFrom(serverLog(), logBefore), UTF_8);
        assertFalse(Pattern.compile("(?i)leak|failed to stop|not been stopped|still running").matcher(logged).find(),
                "the server log mentions a leak during undeploy:\n" + logged);
    }

    /*
     * Two copies of one application, one with shutdown-grace-ms=0, one with 600000, both undeployed
     * with a call in flight that waits for a file. The long one's call must be allowed to finish
     * when the file appears well after the default grace period (10 s) would have ended.
     */
    @Test
    default void twoDeploymentsEachUseTheShutdownGraceOfTheirOwnMicroProfileConfig() throws Exception {
        Path shortRecord = Server.recordFile("settings-short.txt");
        Path shortRelease = Server.recordFile("settings-short.release");
        Path longRecord = Server.recordFile("settings-long.txt");
        Path longRelease = Server.recordFile("settings-long.release");
        deploy(Wars.SETTINGS_SHORT);
        deploy(Wars.SETTINGS_LONG);
        // The server's MicroProfile Config gives each application its own value.
        assertEquals("0", start(Wars.SETTINGS_SHORT, shortRecord, shortRelease));
        assertEquals("600000", start(Wars.SETTINGS_LONG, longRecord, longRelease));

        undeploy(Wars.SETTINGS_SHORT);
        List<String> shortLines = Files.readAllLines(shortRecord);
        assertTrue(shortLines.contains("body interrupted, release present=false")
                && shortLines.contains("callback cancelled"), "grace 0: cancelled at undeploy: " + shortLines);

        // The test's thread undeploys (the deployer may be bound to it); this one releases the call.
        Thread releaser = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while ((!Files.exists(longRecord) || Files.size(longRecord) == 0) && System.nanoTime() < deadline) {
                    Thread.sleep(50); // until the body saw shutdown begin (or anything else happened)
                }
                // Past the default grace period: a library that ignored the setting has cancelled the call by now.
                Thread.sleep(TimeUnit.SECONDS.toMillis(15));
            } catch (IOException | InterruptedException e) {
                // release now
            } finally {
                try {
                    Files.createFile(longRelease);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, "settings-long releaser");
        releaser.start();
        undeploy(Wars.SETTINGS_LONG);
        releaser.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        assertLines(List.of("shutdown began", "body released", "callback value released"),
                Files.readAllLines(longRecord));
    }

    @Test
    default void malformedSettingInOneDeploymentsMicroProfileConfigFailsThatDeployment() throws Exception {
        String failure = deploymentFailure(Wars.SETTINGS_MALFORMED);
        assertTrue(failure.contains("dev.cdiasync.shutdown-grace-ms") && failure.contains("'soon'"), failure);
        // The main application, with no such setting, is unaffected.
        assertLines(List.of("The task is done.", "The custom callback was called."), Server.scenario("seed/success"));
    }

    // --- deployment errors: the library's message, naming the method, reaches the deployer

    @Test
    default void callbackOfAnUnknownTaskFailsDeploymentNamingTheMethod() throws Exception {
        assertMentions(deploymentFailure(Wars.BAD_UNKNOWN_TASK),
                "@OnDone on '" + Wars.EXTRA + ".bad.unknowntask.Listener#finished(Future)'",
                "no @Async task is named 'no-such-task'", "Known tasks: [report]");
    }

    @Test
    default void asyncMethodReturningStringFailsDeploymentNamingTheMethod() throws Exception {
        assertMentions(deploymentFailure(Wars.BAD_RETURNS_STRING),
                "@Async on '" + Wars.EXTRA + ".bad.returnsstring.Fetcher#fetch(int)'", "it returns String");
    }

    @Test
    default void unknownExecutorFailsDeploymentNamingTheMethodAndTheExecutor() throws Exception {
        assertMentions(deploymentFailure(Wars.BAD_UNKNOWN_EXECUTOR),
                "@Async on '" + Wars.EXTRA + ".bad.unknownexecutor.Reader#read()'",
                "no executor is named 'reporting'");
    }

    @Test
    default void executorProducerReturningNullFailsDeploymentSayingSo() throws Exception {
        assertMentions(deploymentFailure(Wars.BAD_NULL_PRODUCER), "The producer of executor 'mes' returned null");
    }

    private static void assertMentions(String failure, String... parts) {
        for (String part : parts) {
            assertTrue(failure.contains(part), "expected the deployment failure to mention \"" + part + "\":\n" + failure);
        }
    }

    /** Starts the waiting call; returns the value MicroProfile Config gives the application. */
    private static String start(String name, Path record, Path release) {
        List<String> answer = Server.get(api(name, "settings?record=" + URLEncoder.encode(record.toString(), UTF_8)
                + "&release=" + URLEncoder.encode(release.toString(), UTF_8)));
        assertEquals("started", answer.get(0), answer::toString);
        return fact(answer, "microprofile-config dev.cdiasync.shutdown-grace-ms");
    }
}
