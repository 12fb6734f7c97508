package dev.cdiasync.it.quarkus.executors;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares executor "spawning" as a bean class: a new thread per task, counted. */
@ApplicationScoped
@AsyncExecutor("spawning")
public class SpawningExecutor implements Executor {

    private final AtomicInteger executed = new AtomicInteger();

    @Override
    public void execute(Runnable task) {
        Thread thread = new Thread(task, "spawned-" + executed.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    public int executed() {
        return executed.get();
    }
}
