package dev.cdiasync.it.quarkus.selfinvocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import dev.cdiasync.it.quarkus.support.Journal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A bean that calls its own {@code @Async} method through {@code this}. */
@ApplicationScoped
public class SelfCaller {

    @Inject
    Journal journal;

    /** Calls {@link #inner} through {@code this}. */
    public CompletableFuture<String> throughThis() {
        journal.record("caller on " + Thread.currentThread().getName());
        return this.inner();
    }

    @Async(task = "self.inner")
    public CompletableFuture<String> inner() {
        journal.record("body on " + Thread.currentThread().getName());
        return CompletableFuture.completedFuture("inner");
    }

    @OnDone(task = "self.inner")
    void heard(Future<String> future) {
        journal.record("callback");
    }
}
