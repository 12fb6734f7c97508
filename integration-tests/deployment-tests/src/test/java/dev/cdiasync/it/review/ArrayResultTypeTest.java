package dev.cdiasync.it.review;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DESIGN 6 rejects a callback only when the task's result type "cannot be assigned to" its type argument. Java assigns
 * a String[] to an Object[] (array covariance) and an int[] to java.io.Serializable: both callbacks below must deploy.
 */
class ArrayResultTypeTest {

    @ApplicationScoped
    public static class Lister {
        @Async(task = "names")
        public CompletableFuture<String[]> names() {
            return CompletableFuture.completedFuture(new String[] {"ada"});
        }

        @Async(task = "counts")
        public CompletableFuture<int[]> counts() {
            return CompletableFuture.completedFuture(new int[] {1});
        }
    }

    @ApplicationScoped
    public static class ObjectArrayListener {
        @OnDone(task = "names")
        void names(Future<Object[]> future) {
        }
    }

    @ApplicationScoped
    public static class SerializableListener {
        @OnDone(task = "counts")
        void counts(Future<java.io.Serializable> future) {
        }
    }

    @Test
    void stringArrayFitsObjectArray() {
        Object[] javaAccepts = new String[0];
        Boot.assertDeploys("a String[] result is assignable to Object[]", Lister.class, ObjectArrayListener.class);
    }

    @Test
    void intArrayFitsSerializable() {
        java.io.Serializable javaAccepts = new int[0];
        Boot.assertDeploys("an int[] result is assignable to Serializable", Lister.class, SerializableListener.class);
    }
}
