package dev.cdiasync.it.interceptors;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.support.Journal;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** An audited task, and callbacks of it that application interceptors guard. */
@ApplicationScoped
public class Intercepted {

    /** The callback description the contract fixes for {@link #sabotaged}. */
    public static final String SABOTAGED = "dev.cdiasync.it.interceptors.Intercepted#sabotaged(AsyncFuture)";

    @Inject
    Journal journal;

    @Audited
    @Async(task = "audited")
    public CompletableFuture<String> audited(CountDownLatch gate) throws InterruptedException {
        journal.record("body on " + Thread.currentThread().getName());
        gate.await(Journal.TIMEOUT_SECONDS, SECONDS);
        return CompletableFuture.completedFuture("ok");
    }

    @Audited
    @OnDone(task = "audited")
    @Priority(10)
    void auditedCallback(Future<String> future) {
        journal.record("audited callback");
    }

    @Sabotaged
    @OnDone(task = "audited")
    @Priority(20)
    void sabotaged(AsyncFuture<String> future) {
        journal.record("sabotaged callback body");
    }

    @OnDone(task = "audited")
    @Priority(30)
    void last(Future<String> future) throws Exception {
        journal.record("last callback " + future.get());
    }
}
