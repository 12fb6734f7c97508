package dev.cdiasync.example;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Runs the example application with its output captured and checks that it still tells each scenario of the tutorial, in order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the example runs once; each test reads its transcript
class MainTest {

    private static final Pattern THREAD_TAG = Pattern.compile("\\[([^\\]]+)]$");

    private String output;
    private String log;
    private String mainThread;

    @BeforeAll
    void runTheExample() throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        // Main configures java.util.logging itself; its console handler binds to System.err then, so the log is captured too.
        System.setOut(new PrintStream(outBytes, true, UTF_8));
        System.setErr(new PrintStream(errBytes, true, UTF_8));
        try {
            Main.main(new String[0]);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        output = outBytes.toString(UTF_8);
        log = errBytes.toString(UTF_8);
        mainThread = Thread.currentThread().getName();
        out.println(output); // kept in the surefire report, to read when an assertion fails
        err.println(log);
    }

    @Test
    void theTaskReportsThatItIsDoneThenItsCallbacksAreCalledOnItsThread() {
        assertInOrder("== 1.",
                "The task is done.",
                "The custom callback was called. (declared with @OnDone)",
                "The custom callback was called. (added with addDoneCallback)",
                "== 2.");
        String worker = threadOf("The task is done.");
        assertTrue(worker.startsWith("cdi-async-"), worker);
        assertEquals(worker, threadOf("The custom callback was called. (declared with @OnDone)"));
        // Added while the task runs, it runs on the worker; a main thread stalled past the task's end
        // would run it itself, at once, which is right too.
        String added = threadOf("The custom callback was called. (added with addDoneCallback)");
        assertTrue(added.equals(worker) || !added.startsWith("cdi-async-"), added);
    }

    @Test
    void aTaskThatRaisesStillHasItsCallbackCalledWithTheException() {
        assertInOrder("== 2.",
                "The custom callback was called. It sees: java.lang.IllegalStateException: Something bad",
                "== 3.");
        assertEquals(1, count(output, "The task is done."), "only the task of scenario 1 reports it is done");
    }

    @Test
    void callbacksAreCalledInTheOrderTheyWereAdded() {
        assertInOrder("== 3.",
                "The first callback was called.",
                "The second callback was called.",
                "The third callback was called.",
                "== 4.");
    }

    @Test
    void aCallbackAddedToADoneTaskIsCalledAtOnceOnTheAddingThread() {
        assertInOrder("== 4.",
                "The task of scenario 1 is done: true. Adding a callback.",
                "The late callback was called, before addDoneCallback returned.",
                "addDoneCallback returned.",
                "== 5.");
        assertEquals(mainThread, threadOf("The late callback was called, before addDoneCallback returned."));
    }

    @Test
    void aFailingCallbackIsLoggedAndObservedAndTheNextOneIsStillCalled() {
        String observed = "Observed CallbackFailure: dev.cdiasync.example.Callbacks#failingCallback(AsyncFuture)"
                + " of task 'work-with-failing-callback' threw java.lang.IllegalStateException: Something bad in a callback";
        String next = "The next callback was still called; the task returned \"fine\".";
        assertInOrder("== 5.", observed, next, "== 6.");
        String worker = threadOf(observed);
        assertTrue(worker.startsWith("cdi-async-"), worker);
        assertEquals(worker, threadOf(next), "the event is fired on the callbacks' thread, before the next callback");

        List<String> warnings = Arrays.stream(log.split("\\R"))
                .filter(line -> line.startsWith("WARNING dev.cdiasync:"))
                .collect(Collectors.toList());
        assertEquals(1, warnings.size(), () -> "one WARNING on logger dev.cdiasync expected:\n" + log);
        assertTrue(warnings.get(0).contains("Callbacks#failingCallback(AsyncFuture)")
                && warnings.get(0).contains("work-with-failing-callback"), warnings.get(0));
    }

    @Test
    void theProgressLineCountsEachTaskOnceThenTheSummaryFollows() {
        String[] steps = new String[22];
        steps[0] = "== 6.";
        for (int done = 0; done <= 20; done++) {
            steps[done + 1] = "] " + done + "/20 done, ";
        }
        assertInOrder(steps);
        assertInOrder("== 6.",
                "\r[####################] 20/20 done, 2 failed" + System.lineSeparator(),
                "All 20 tasks are done: 18 succeeded, 2 failed.");
        assertEquals(1, count(output, "] 20/20 done"), "the callback is called exactly once per task");
    }

    @Test
    void closingTheContainerLeavesNoThreadOfTheDefaultExecutor() throws InterruptedException {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("cdi-async-")) {
                thread.join(10_000); // a pool thread may still be on its way out after awaitTermination
                assertFalse(thread.isAlive(), thread + " is still running after the container was closed");
            }
        }
    }

    /* Asserts that each text occurs in the output after the one before it. */
    private void assertInOrder(String... texts) {
        int from = 0;
        for (String text : texts) {
            int at = output.indexOf(text, from);
            int after = from;
            assertTrue(at >= 0, () -> "Expected after position " + after + ": " + text.replace("\r", "\\r")
                    + "\n--- output ---\n" + output);
            from = at + text.length();
        }
    }

    /* The thread name a line of the output that contains the text is tagged with. */
    private String threadOf(String text) {
        for (String line : output.split("\\R")) {
            if (line.contains(text)) {
                Matcher tag = THREAD_TAG.matcher(line);
                assertTrue(tag.find(), line);
                return tag.group(1);
            }
        }
        throw new AssertionError("No line contains: " + text + "\n--- output ---\n" + output);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
