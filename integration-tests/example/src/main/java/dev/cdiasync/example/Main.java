package dev.cdiasync.example;

import static dev.cdiasync.example.Console.heading;
import static dev.cdiasync.example.Console.say;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

import dev.cdiasync.AsyncFuture;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/** Boots Weld SE with bean discovery and replays, with cdi-async, each scenario of the tutorial on done-callbacks. */
public final class Main {

    private static final int BATCH = 20;

    private Main() {
    }

    /** Runs the six scenarios in one container, then closes it. */
    public static void main(String[] args) throws IOException, InterruptedException {
        configureLogging();
        // Discovery finds this jar's beans (META-INF/beans.xml) and loads the cdi-async extension from
        // META-INF/services of cdi-async-impl: nothing is registered by hand. Like the tutorial's
        // "with ThreadPoolExecutor() as executor:", closing the container drains the calls still running.
        try (SeContainer container = SeContainerInitializer.newInstance().initialize()) {
            Tasks tasks = container.select(Tasks.class).get();
            Progress progress = container.select(Progress.class).get();

            AsyncFuture<Void> first = callbackWhenDone(tasks);
            callbackWhenRaised(tasks);
            callbacksInOrder(tasks);
            callbackAddedWhenDone(first);
            failingCallback(tasks);
            progressOfBatch(tasks, progress);
        }
    }

    /** The tutorial's first example: the task reports that it is done, then its callbacks are called. */
    private static AsyncFuture<Void> callbackWhenDone(Tasks tasks) throws InterruptedException {
        heading("1. A callback is called when the task is done");
        AsyncFuture<Void> future = tasks.work(); // returns at once; the body sleeps on a cdi-async thread
        future.addDoneCallback(f -> say("The custom callback was called. (added with addDoneCallback)"));
        awaitCallbacks(future);
        return future;
    }

    /** A task that raises is done too, and its callbacks see the exception. */
    private static void callbackWhenRaised(Tasks tasks) throws InterruptedException {
        heading("2. A callback is called even if the task raises an exception");
        AsyncFuture<Void> future = tasks.workThatRaises();
        future.addDoneCallback(f -> {
            try {
                f.join(); // never blocks in a callback: the future is done
            } catch (CompletionException e) {
                say("The custom callback was called. It sees: " + e.getCause());
            }
        });
        awaitCallbacks(future);
    }

    /** Callbacks are called in the order they were added (after the task's @OnDone callbacks, if any). */
    private static void callbacksInOrder(Tasks tasks) throws InterruptedException {
        heading("3. Callbacks are called in the order they were added");
        AsyncFuture<String> future = tasks.quickWork()
                .addDoneCallback(f -> say("The first callback was called."))
                .addDoneCallback(f -> say("The second callback was called."))
                .addDoneCallback(f -> say("The third callback was called."));
        awaitCallbacks(future);
    }

    /**
     * A callback added to a future whose callbacks have all run (long ago: scenarios 2 and 3 ran since) is called at
     * once, on the adding thread. One added while the completing thread is still calling them would join the end of
     * its queue instead: either way, each callback is called once and in order.
     */
    private static void callbackAddedWhenDone(AsyncFuture<Void> done) {
        heading("4. A callback added to a task that is already done is called at once");
        say("The task of scenario 1 is done: " + done.isDone() + ". Adding a callback.");
        done.addDoneCallback(f -> say("The late callback was called, before addDoneCallback returned."));
        say("addDoneCallback returned.");
    }

    /** A callback that throws is logged and fired as a CallbackFailure event; the next callback is still called. */
    private static void failingCallback(Tasks tasks) throws InterruptedException {
        heading("5. A callback that raises an exception does not stop the next one");
        awaitCallbacks(tasks.workWithFailingCallback());
    }

    /** Many tasks, and one @OnDone callback that reports the progress of all of them. */
    private static void progressOfBatch(Tasks tasks, Progress progress) throws InterruptedException {
        heading("6. An @OnDone callback reports the progress of " + BATCH + " tasks");
        progress.start(BATCH);
        for (int item = 1; item <= BATCH; item++) {
            tasks.process(item);
        }
        progress.awaitAll();
        System.out.println(progress.summary());
    }

    /* Loads logging.properties (one line per record) unless a configuration file is given on the command line. */
    private static void configureLogging() throws IOException {
        if (System.getProperty("java.util.logging.config.file") == null) {
            try (InputStream config = Main.class.getResourceAsStream("/logging.properties")) {
                LogManager.getLogManager().readConfiguration(config);
            }
        }
    }

    /**
     * Waits until the callbacks of the future have been called. {@code future.get()} is not enough: it returns
     * as soon as the outcome is set, and the callbacks are called right after. But callbacks run in order, so a
     * callback added last is called after all the others.
     */
    private static void awaitCallbacks(AsyncFuture<?> future) throws InterruptedException {
        CountDownLatch called = new CountDownLatch(1);
        future.addDoneCallback(f -> called.countDown());
        if (!called.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The callbacks of " + future + " were not called in 30 s");
        }
    }
}
