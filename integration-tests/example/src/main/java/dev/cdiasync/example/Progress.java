package dev.cdiasync.example;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** A live progress line for a batch of tasks, redrawn by an {@code @OnDone} callback each time one of them is done. */
@ApplicationScoped
public class Progress {

    private static final int WIDTH = 20;

    private int total;
    private int done;
    private int failed;
    private CountDownLatch allDone = new CountDownLatch(0);

    /** Starts counting a batch of this many tasks. */
    public synchronized void start(int tasks) {
        total = tasks;
        done = 0;
        failed = 0;
        allDone = new CountDownLatch(tasks);
        draw();
    }

    /** Called once for every future of task "batch", on the thread that completed it, whether it succeeded or failed. */
    @OnDone(task = "batch")
    synchronized void taskDone(AsyncFuture<Integer> future) {
        done++;
        if (future.isCompletedExceptionally()) { // raised, or was cancelled
            failed++;
        }
        draw();
        allDone.countDown();
    }

    /** Waits until the callback has counted every task of the batch. */
    public void awaitAll() throws InterruptedException {
        CountDownLatch latch;
        synchronized (this) {
            latch = allDone;
        }
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The batch did not finish in 30 s");
        }
    }

    /** The closing line of the batch. */
    public synchronized String summary() {
        return "All " + total + " tasks are done: " + (done - failed) + " succeeded, " + failed + " failed.";
    }

    /* Redraws the line in place with a carriage return; a new line once the batch is done. */
    private void draw() {
        int filled = total == 0 ? WIDTH : done * WIDTH / total;
        System.out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                + " done, " + failed + " failed" + (done == total ? System.lineSeparator() : ""));
        System.out.flush();
    }
}
