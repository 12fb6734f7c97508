package dev.cdiasync.it.review;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.it.remote.Loopback;
import dev.cdiasync.spi.RemoteExecutor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The drain of a deployment that serves bodies other processes send (Registry.drain, awaitArrivals, Arrivals). */
class MemberDrainTest {

    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    @ApplicationScoped
    public static class Origin {
        private final String name = System.getProperty("test.member.container");

        String name() {
            return name;
        }
    }

    @ApplicationScoped
    public static class Wiring {
        @Inject
        Origin origin;

        @Produces
        @ApplicationScoped
        @AsyncExecutor("remote")
        RemoteExecutor remote() {
            String here = origin.name();
            return new Loopback(here, here.equals("rhome") ? "rmember" : "rhome");
        }
    }

    @ApplicationScoped
    public static class Work {
        @Inject
        Origin origin;

        @Async(task = "hold", executor = "remote")
        public CompletableFuture<String> hold() throws InterruptedException {
            started.countDown();
            boolean opened = release.await(60, SECONDS);
            return CompletableFuture.completedFuture((opened ? "released in " : "never released in ") + origin.name());
        }

        /* A body that closes the container it runs in (an admin "stop this member" command). */
        @Async(task = "stopHere", executor = "remote")
        public CompletableFuture<String> stopHere() {
            String name = origin.name();
            WeldContainer.instance(name).close();
            return CompletableFuture.completedFuture("stopped " + name);
        }

        @Async(task = "localHold")
        public CompletableFuture<String> localHold() throws InterruptedException {
            started.countDown();
            release.await(60, SECONDS);
            return CompletableFuture.completedFuture("done");
        }
    }

    private final List<WeldContainer> containers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private WeldContainer boot(String name, String grace) {
        System.setProperty("test.member.container", name);
        if (grace != null) {
            System.setProperty("dev.cdiasync.shutdown-grace-ms", grace);
        }
        try {
            WeldContainer container = new Weld(name).disableDiscovery()
                    .addBeanClasses(Origin.class, Wiring.class, Work.class).initialize();
            containers.add(container);
            return container;
        } finally {
            System.clearProperty("test.member.container");
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        release.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        }
        for (WeldContainer container : containers) {
            try {
                if (container.isRunning()) {
                    container.close();
                }
            } catch (IllegalStateException alreadyShutDown) {
                // closed by the body itself
            }
        }
        Loopback.SERVED.clear();
        started = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    private Thread closeInBackground(WeldContainer container) {
        Thread closer = new Thread(container::close, "member-closer");
        closer.start();
        threads.add(closer);
        return closer;
    }

    /* With a three-minute grace the member's close waits for the body home sent it, and its value reaches home. */
    @Test
    void controlMemberCloseWaitsForArrivedBodyWithinGrace() throws Exception {
        boot("rmember", "180000");
        WeldContainer home = boot("rhome", null);
        CompletableFuture<String> future = home.select(Work.class).get().hold();
        assertTrue(started.await(30, SECONDS), "the body started in the member");

        Thread closer = closeInBackground(containers.get(0));
        closer.join(3000);
        assertTrue(closer.isAlive(), "the member's close() returned while the body home sent it still ran");
        release.countDown();
        assertEquals("released in rmember", future.get(30, SECONDS));
    }

    /*
     * A body another process sent that closes its own container: the drain runs on that body's thread and
     * awaitArrivals must not wait for the body itself (it would, for the whole grace: one minute here).
     */
    @Test
    void aBodyThatClosesItsOwnContainerIsNotAwaitedByItself() throws Exception {
        boot("rmember", "60000");
        WeldContainer home = boot("rhome", null);
        CompletableFuture<String> future = home.select(Work.class).get().stopHere();
        assertEquals("stopped rmember", future.get(20, SECONDS),
                "the member's drain waited for the very body that runs it");
    }
}
