package dev.cdiasync.it.quarkus.cancellation;

import java.util.concurrent.ExecutorService;

import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.quarkus.support.OneThread;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Executor "single": one thread, {@code single-worker}, so that a first call can keep a second one queued. */
@ApplicationScoped
public class SinglePool {

    private final OneThread thread = new OneThread("single-worker");

    @Produces
    @AsyncExecutor("single")
    ExecutorService single() {
        return thread.pool();
    }

    /** Returns once every task handed to the thread before this call has finished running. */
    public void flush() throws Exception {
        thread.flush();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        thread.stop();
    }
}
