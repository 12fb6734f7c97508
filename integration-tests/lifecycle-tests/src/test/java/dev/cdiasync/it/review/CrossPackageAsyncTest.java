package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.it.review.other.PackageBase;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.se.SeContainer;

/**
 * DESIGN 6 / catalogue: an @Async method the container cannot intercept (private, static, final) fails deployment,
 * "so it would run synchronously". A package-private @Async method inherited by a bean of another package cannot be
 * overridden by the container's proxy subclass either: it deploys and then runs synchronously on the caller's thread.
 * (Also: class-level @Async and interface default methods, below.)
 */
class CrossPackageAsyncTest {

    @ApplicationScoped
    public static class Bean extends PackageBase {
    }

    public interface Greeter {
        default CompletableFuture<String> greet() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @ApplicationScoped
    @Async
    public static class AllAsync implements Greeter {
        public CompletableFuture<String> own() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @Test
    void aPackagePrivateInheritedAsyncMethodIsNotSilentlySynchronous() throws Exception {
        SeContainer container;
        try {
            container = Containers.boot(Map.of(), Bean.class);
        } catch (RuntimeException refused) {
            return; // a deployment error naming the method is a fix too
        }
        try (SeContainer booted = container) {
            String ranOn = PackageBase.callHidden(booted.select(Bean.class).get()).get(30, SECONDS);
            assertNotEquals(Thread.currentThread().getName(), ranOn,
                    "@Async PackageBase#hidden() deployed and ran synchronously on the caller's thread");
        }
    }

    @Test
    void classLevelAsyncAppliesToAnInheritedDefaultMethod() throws Exception {
        SeContainer container;
        try {
            container = Containers.boot(Map.of(), AllAsync.class);
        } catch (RuntimeException refused) {
            return;
        }
        try (SeContainer booted = container) {
            AllAsync bean = booted.select(AllAsync.class).get();
            String caller = Thread.currentThread().getName();
            assertNotEquals(caller, bean.own().get(30, SECONDS), "control: own method");
            assertNotEquals(caller, bean.greet().get(30, SECONDS),
                    "the default method Greeter#greet() of a class-level @Async bean ran synchronously");
        }
    }
}
