package dev.cdiasync.servers.scenarios;

import static dev.cdiasync.servers.scenarios.Server.assertLines;
import static dev.cdiasync.servers.scenarios.Server.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The behaviour tests every server module runs against the main test application (the sources
 * under {@code src/main/java} of the WildFly Preview module): each scenario runs inside the server
 * and answers its transcript over HTTP.
 */
public interface ServerScenarios {

    /** The prefix of the names of the threads of the container's default ManagedExecutorService. */
    String managedThreadPrefix();

    /** The server log, where the library's WARNINGs land. */
    Path serverLog();

    // --- the seed tutorial's scenarios (threadpool-add-done-callback)

    @Test
    default void seedCallbackRunsAfterTheTaskIsDone() {
        assertLines(List.of("The task is done.", "The custom callback was called."), scenario("seed/success"));
    }

    @Test
    default void seedCallbackOfAFailedTaskSeesTheException() {
        assertLines(List.of("The custom callback was called. It saw exception java.lang.Exception: Something bad",
                "completed exceptionally=true"), scenario("seed/failure"));
    }

    @Test
    default void seedCallbackOfACancelledTaskRunsOnceOnCancel() {
        assertLines(List.of("cancel returned true",
                "The custom callback was called. It saw cancelled",
                "afterwards [The custom callback was called. It saw cancelled]"), scenario("seed/cancelled"));
    }

    @Test
    default void seedSeveralCallbacksRunInTheOrderAdded() {
        assertLines(List.of("The task is done.", "my_callback", "my_other_callback", "third", "fourth", "fifth",
                "done before the gate opened=false"), scenario("seed/several"));
    }

    @Test
    default void seedCallbackAddedAfterDoneRunsAtOnceOnTheRegisteringThread() {
        assertLines(List.of("ran before addDoneCallback returned=true", "ran on the registering thread=true",
                "addDoneCallback returned the future=true"), scenario("seed/added-after-done"));
    }

    @Test
    default void seedThrowingCallbackDoesNotStopTheOthers() {
        assertLines(List.of("The task is done.", "my_callback raises", "my_other_callback was called",
                "future value null"), scenario("seed/throwing-callback"));
    }

    // --- callback order

    List<String> ANNOTATED_ORDER = List.of(
            "10",
            "2499",
            "first.Zed#explicit",
            "first.Zed#zed",
            "second.Alpha#alpha",
            "second.Alpha#beta",
            "second.Alpha#overload(AsyncFuture)",
            "second.Alpha#overload(CompletableFuture)",
            "second.Alpha#overload(CompletionStage)",
            "second.Alpha#overload(Future)",
            "2501",
            "3000");

    @Test
    default void callbacksRunByPriorityThenClassMethodAndParametersThenRuntimeOnesInOrderAdded() {
        List<String> expected = new ArrayList<>(ANNOTATED_ORDER);
        expected.addAll(List.of("runtime 1", "runtime 2", "runtime 3"));
        assertLines(expected, scenario("order/runtime-added-before-done"));
    }

    @Test
    default void runtimeCallbackAddedAfterDoneStillComesAfterTheAnnotatedOnes() {
        List<String> expected = new ArrayList<>(ANNOTATED_ORDER);
        expected.add("late runtime");
        assertLines(expected, scenario("order/runtime-added-after-done"));
    }

    // --- isolation and CallbackFailure

    String LOG_CALLBACK = "dev.cdiasync.servers.app.isolation.Reporter#log(AsyncFuture)";

    @Test
    default void throwingAnnotatedCallbackFiresCallbackFailureAndTheNextOnesRun() throws IOException, InterruptedException {
        long logBefore = Files.exists(serverLog()) ? Files.size(serverLog()) : 0;
        assertLines(List.of("log",
                "failure event: task=isolation.job callback=" + LOG_CALLBACK
                        + " failure=java.lang.IllegalStateException: log failed",
                "after ok",
                "runtime after",
                "future value ok, completed exceptionally false",
                "event carries the future=true"), scenario("isolation/annotated"));

        // The server may write the record after the answer has left (GlassFish did, once): wait for it rather
        // than read the log once.
        String message = "Done-callback " + LOG_CALLBACK + " of task 'isolation.job' threw";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Server.TIMEOUT_SECONDS);
        List<String> logged = loggedSince(logBefore);
        while (!warns(logged, message) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            logged = loggedSince(logBefore);
        }
        assertTrue(warns(logged, message),
                "a WARNING naming task and callback in the server log:\n" + String.join("\n", logged));
    }

    private List<String> loggedSince(long offset) throws IOException {
        return new String(readFrom(serverLog(), offset), StandardCharsets.UTF_8).lines().toList();
    }

    /* WildFly writes level and message on one line, GlassFish the message on the line after the level. */
    private static boolean warns(List<String> logged, String message) {
        for (int i = 0; i < logged.size(); i++) {
            if (logged.get(i).contains(message)
                    && (logged.get(i).contains("WARN") || i > 0 && logged.get(i - 1).contains("WARN"))) {
                return true;
            }
        }
        return false;
    }

    @Test
    default void throwingRuntimeCallbackFiresCallbackFailureAndTheNextOnesRun() {
        assertLines(List.of("log",
                "failure event: task=isolation.job callback=" + LOG_CALLBACK
                        + " failure=java.lang.IllegalStateException: log failed",
                "after ok",
                "runtime throws",
                "failure event: task=isolation.job callback=ThrowingCallback"
                        + " failure=java.lang.IllegalArgumentException: runtime callback failed",
                "runtime after",
                "future value ok, completed exceptionally false",
                "event carries the future=true",
                "event carries the future=true"), scenario("isolation/runtime"));
    }

    // --- cancellation

    @Test
    default void cancelTrueInterruptsTheRunningBodyAndRunsCallbacksOnTheCancellingThread() {
        assertLines(List.of("running before cancel=true",
                "cancel(true) returned true",
                "@OnDone cancelled=true on the cancelling thread",
                "runtime cancelled=true on the cancelling thread",
                "body finished=true",
                "body interrupted=true, released=false",
                "future cancelled=true, callbacks afterwards 2"), scenario("cancel/running"));
    }

    @Test
    default void cancelledBodyThatHadNotStartedNeverStarts() {
        assertLines(List.of("queued running before cancel=false",
                "cancel(false) returned true",
                "@OnDone cancelled=true on the cancelling thread",
                "blocking body returned body result",
                "queued body ran=false",
                "queued callbacks afterwards 1"), scenario("cancel/queued"));
    }

    // --- request context

    @Test
    default void bodyAndCallbacksShareOneRequestContextPerCallDestroyedOnce() {
        List<String> first = scenario("request-context");
        List<String> second = scenario("request-context");
        int a = number(first.get(0));
        int b = number(second.get(0));
        assertLines(List.of("body uses #" + a, "first callback uses #" + a, "second callback uses #" + a,
                "destroyed #" + a), first);
        assertLines(List.of("body uses #" + b, "first callback uses #" + b, "second callback uses #" + b,
                "destroyed #" + b), second);
        assertNotEquals(a, b, "each call gets a request context of its own");
    }

    // --- executors

    @Test
    default void namedExecutorFromAnApplicationScopedResourceProducerRunsBodyAndCallbacks() {
        List<String> facts = scenario("executors/mes");
        assertManaged(facts, "body");
        assertManaged(facts, "callback");
    }

    @Test
    default void defaultExecutorRunsBodyAndCallbacksOnTheContainersManagedThreads() {
        List<String> facts = scenario("executors/default");
        assertTrue(fact(facts, "body.thread").startsWith(managedThreadPrefix()), facts::toString);
        assertTrue(fact(facts, "callback.thread").startsWith(managedThreadPrefix()), facts::toString);
    }

    @Test
    default void defaultExecutorBodyAndCallbacksCanLookUpJavaComp() {
        List<String> facts = scenario("executors/default");
        assertEquals("ManagedExecutorService", fact(facts, "body.jndi"), facts::toString);
        assertEquals("ManagedExecutorService", fact(facts, "callback.jndi"), facts::toString);
    }

    @Test
    default void defaultExecutorThreadsCarryTheApplicationsClassLoader() {
        List<String> facts = scenario("executors/default");
        assertEquals("application", fact(facts, "body.tccl"), facts::toString);
        assertEquals("application", fact(facts, "callback.tccl"), facts::toString);
    }

    // --- the peer: Jakarta Concurrency's @Asynchronous on the same managed executor

    @Test
    default void peerComparisonCompletesEveryCallAndRunsEveryCallback() throws IOException {
        int calls = 2000;
        int rounds = 3;
        Path out = Server.recordFile("peer-" + Server.name().split(" ")[0].toLowerCase() + ".txt");
        List<String> report = scenario("peer?calls=" + calls + "&rounds=" + rounds
                + "&out=" + URLEncoder.encode(out.toString(), StandardCharsets.UTF_8)
                + "&server=" + URLEncoder.encode(Server.name(), StandardCharsets.UTF_8));
        System.out.println(String.join("\n", report));
        int measured = calls * rounds;
        assertEquals(measured + " of " + measured, fact(report, "@Asynchronous completed"), report::toString);
        assertEquals(String.valueOf(measured), fact(report, "@Asynchronous whenComplete callbacks"), report::toString);
        assertEquals(measured + " of " + measured, fact(report, "@Async completed"), report::toString);
        assertEquals(String.valueOf(measured), fact(report, "@Async @OnDone callbacks"), report::toString);
        assertEquals(report, Files.readAllLines(out));
    }

    private void assertManaged(List<String> facts, String who) {
        assertTrue(fact(facts, who + ".thread").startsWith(managedThreadPrefix()), facts::toString);
        assertEquals("ManagedExecutorService", fact(facts, who + ".jndi"), facts::toString);
        assertEquals("application", fact(facts, who + ".tccl"), facts::toString);
    }

    /** The value of the line {@code key=value}. */
    static String fact(List<String> lines, String key) {
        for (String line : lines) {
            if (line.startsWith(key + "=")) {
                return line.substring(key.length() + 1);
            }
        }
        throw new AssertionError("no " + key + " in " + lines);
    }

    private static int number(String entry) {
        Matcher id = Pattern.compile("#(\\d+)").matcher(entry);
        assertTrue(id.find(), entry);
        return Integer.parseInt(id.group(1));
    }

    static byte[] readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int from = (int) Math.min(offset, all.length);
        byte[] tail = new byte[all.length - from];
        System.arraycopy(all, from, tail, 0, tail.length);
        return tail;
    }
}
