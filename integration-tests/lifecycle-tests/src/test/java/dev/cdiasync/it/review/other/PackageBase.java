package dev.cdiasync.it.review.other;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.Async;

/** A superclass in another package than its bean, whose @Async method is package-private. */
public abstract class PackageBase {

    @Async(task = "hidden")
    CompletableFuture<String> hidden() {
        return CompletableFuture.completedFuture(Thread.currentThread().getName());
    }

    /** A caller of this package, where hidden() is accessible. */
    public static CompletableFuture<String> callHidden(PackageBase bean) {
        return bean.hidden();
    }
}
