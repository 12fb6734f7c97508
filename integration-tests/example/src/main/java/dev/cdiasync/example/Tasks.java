package dev.cdiasync.example;

import static dev.cdiasync.example.Console.say;

import java.util.concurrent.ThreadLocalRandom;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import jakarta.enterprise.context.ApplicationScoped;

/** The application's tasks: each call returns an {@link AsyncFuture} at once, and the body runs on the cdi-async executor. */
@ApplicationScoped
public class Tasks {

    /** The tutorial's mock task: it sleeps for a moment and reports that it is done. */
    @Async(task = "work")
    public AsyncFuture<Void> work() {
        sleep(1000);
        say("The task is done.");
        return AsyncFuture.completed(null);
    }

    /** The same task, raising an exception before it is done: the exception goes to the future, never to the caller. */
    @Async(task = "work-that-raises")
    public AsyncFuture<Void> workThatRaises() {
        sleep(1000);
        throw new IllegalStateException("Something bad");
    }

    /** A short task with no {@code @OnDone} callback; its task name is the default one, {@code "Tasks.quickWork"}. */
    @Async
    public AsyncFuture<String> quickWork() {
        sleep(300);
        return AsyncFuture.completed("quick");
    }

    /** A task whose first {@code @OnDone} callback throws (see {@link Callbacks}). */
    @Async(task = "work-with-failing-callback")
    public AsyncFuture<String> workWithFailingCallback() {
        return AsyncFuture.completed("fine");
    }

    /** One task of the batch: it takes a random short time, and every seventh item fails. */
    @Async(task = "batch")
    public AsyncFuture<Integer> process(int item) {
        sleep(ThreadLocalRandom.current().nextLong(100, 500));
        if (item % 7 == 0) {
            throw new IllegalArgumentException("item " + item + " is bad");
        }
        return AsyncFuture.completed(item);
    }

    /* Sleeps like Python's time.sleep; an interruption (cancel(true), shutdown) ends the task. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
