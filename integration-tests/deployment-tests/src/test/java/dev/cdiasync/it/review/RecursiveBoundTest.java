package dev.cdiasync.it.review;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A callback whose future's type argument is a type variable with a recursive bound (T extends Comparable<T>, as in
 * every sorted or Enum-like helper) must be checked like any other: a String task fits it (String is a
 * Comparable<String>). The check recurses on the bound without end.
 */
class RecursiveBoundTest {

    @ApplicationScoped
    public static class Namer {
        @Async(task = "name")
        public CompletableFuture<String> name() {
            return CompletableFuture.completedFuture("ada");
        }
    }

    /** A reusable listener for tasks of comparable results. */
    public abstract static class SortedListener<T extends Comparable<T>> {
        @OnDone(task = "name")
        void done(Future<T> future) {
        }
    }

    @ApplicationScoped
    public static class NameListener extends SortedListener<String> {
    }

    @Test
    void recursiveBoundIsCheckedWithoutOverflow() {
        Boot.assertDeploys("a String task fits Future<T> with T extends Comparable<T>", Namer.class,
                NameListener.class);
    }
}
