package dev.cdiasync.it.remote;

import static java.util.concurrent.TimeUnit.MINUTES;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.spi.RemoteExecutor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

/**
 * Proves the library's side of a remote executor with two containers of one JVM, "home" and "member", linked by a
 * loopback executor: the body of a call made at home runs in the member's container, with its interceptors and a
 * request context, synchronously there; the future and its callbacks stay at home, on home's own threads, once and
 * in order; failures, cancellation, the deployment check and the shutdown drain behave as for local calls.
 */
class RemoteExecutorTest {

    /** Where each body and callback ran: container and thread. */
    static final List<String> JOURNAL = new CopyOnWriteArrayList<>();

    @InterceptorBinding
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target({java.lang.annotation.ElementType.METHOD, java.lang.annotation.ElementType.TYPE})
    public @interface Traced {
    }

    @Traced
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class Tracer {
        @Inject
        Origin origin;

        @AroundInvoke
        Object trace(InvocationContext invocation) throws Exception {
            JOURNAL.add("interceptor in " + origin.name() + " on " + Thread.currentThread().getName());
            return invocation.proceed();
        }
    }

    /** Which container a bean lives in. */
    @ApplicationScoped
    public static class Origin {
        private String name = System.getProperty("test.container");

        String name() {
            return name;
        }
    }

    @RequestScoped
    public static class Scoped {
        final Object identity = new Object();

        Object identity() {
            return identity;
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
            return new Loopback(here, here.equals("home") ? "member" : "home", method -> { });
        }
    }

    @ApplicationScoped
    public static class Reports {
        @Inject
        Origin origin;

        @Inject
        Scoped scoped;

        @Traced
        @Async(task = "report", executor = "remote")
        public CompletableFuture<String> report(String name, CountDownLatch gate) throws InterruptedException {
            scoped.identity(); // a request context is active
            try {
                if (gate != null && !gate.await(30, SECONDS)) {
                    return CompletableFuture.completedFuture("gate never opened");
                }
            } catch (InterruptedException e) {
                JOURNAL.add("body interrupted in " + origin.name());
                throw e;
            }
            if (name.equals("fail")) {
                throw new IllegalArgumentException("no report named fail");
            }
            return CompletableFuture.completedFuture(name + " from " + origin.name() + " on "
                    + Thread.currentThread().getName());
        }
    }

    @ApplicationScoped
    public static class Callbacks {
        @Inject
        Origin origin;

        @OnDone(task = "report")
        @Priority(1)
        void first(Future<String> future) {
            JOURNAL.add("first in " + origin.name() + " on " + Thread.currentThread().getName());
        }

        @OnDone(task = "report")
        @Priority(2)
        void second(Future<String> future) {
            JOURNAL.add("second in " + origin.name() + " on " + Thread.currentThread().getName());
        }
    }

    private final List<WeldContainer> containers = new ArrayList<>();

    private WeldContainer boot(String name) {
        System.setProperty("test.container", name);
        try {
            WeldContainer container = new Weld(name).disableDiscovery()
                    .addBeanClasses(Origin.class, Scoped.class, Wiring.class, Reports.class, Callbacks.class,
                            Tracer.class)
                    .addInterceptor(Tracer.class)
                    .initialize();
            containers.add(container);
            return container;
        } finally {
            System.clearProperty("test.container");
        }
    }

    @AfterEach
    void close() {
        containers.stream().filter(WeldContainer::isRunning).forEach(WeldContainer::close);
        JOURNAL.clear();
    }

    @Test
    void theBodyRunsInTheMemberAndTheCallbacksAtHome() throws Exception {
        boot("member");
        WeldContainer home = boot("home");

        CountDownLatch gate = new CountDownLatch(1);
        AsyncFuture<String> future = (AsyncFuture<String>) home.select(Reports.class).get().report("sales", gate);
        future.addDoneCallback(f -> JOURNAL.add("runtime on " + Thread.currentThread().getName()));
        gate.countDown();

        assertEquals("sales from member on wire", future.get(30, SECONDS));
        List<String> journal = awaitJournal(4);
        assertEquals("interceptor in member on wire", journal.get(0), "the member's interceptors, synchronously there");
        String dispatcher = journal.get(1).substring("first in home on ".length());
        assertTrue(dispatcher.startsWith("cdi-async-"), "home's default executor runs the callbacks: " + journal);
        assertEquals(List.of("first in home on " + dispatcher, "second in home on " + dispatcher,
                "runtime on " + dispatcher), journal.subList(1, 4));
    }

    @Test
    void theBodysExceptionReachesTheCallerWithItsTypeAndMessage() throws Exception {
        boot("member");
        WeldContainer home = boot("home");

        CompletableFuture<String> future = home.select(Reports.class).get().report("fail", null);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertInstanceOf(IllegalArgumentException.class, failed.getCause());
        assertEquals("no report named fail", failed.getCause().getMessage());
        List<String> journal = awaitJournal(3);
        assertEquals(3, journal.size(), journal::toString);
        assertTrue(journal.get(1).startsWith("first in home on cdi-async-") && journal.get(2).startsWith("second in home"),
                () -> "both callbacks ran once, at home: " + journal);
    }

    @Test
    void cancelTrueInterruptsTheRemoteBody() throws Exception {
        boot("member");
        WeldContainer home = boot("home");
        CountDownLatch never = new CountDownLatch(1);

        AsyncFuture<String> future = (AsyncFuture<String>) home.select(Reports.class).get().report("slow", never);
        awaitJournal(1); // the body started in the member
        assertTrue(future.cancel(true));

        List<String> journal = awaitJournal(4);
        String self = Thread.currentThread().getName();
        assertTrue(journal.contains("body interrupted in member"), journal::toString);
        assertTrue(journal.indexOf("first in home on " + self) >= 0
                && journal.indexOf("first in home on " + self) < journal.indexOf("second in home on " + self),
                () -> "the callbacks ran at home, on the cancelling thread, in order: " + journal);
        assertTrue(future.isCancelled());
    }

    @Test
    void closingHomeDrainsItsRemoteCalls() throws Exception {
        boot("member");
        System.setProperty("dev.cdiasync.shutdown-grace-ms", "200");
        WeldContainer home;
        try {
            home = boot("home");
        } finally {
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
        AsyncFuture<String> future = (AsyncFuture<String>) home.select(Reports.class).get().report("slow",
                new CountDownLatch(1));
        awaitJournal(1);

        home.close();

        assertTrue(future.isCancelled(), "cancelled after the grace period");
        String self = Thread.currentThread().getName();
        assertEquals(List.of("first in home on " + self, "second in home on " + self),
                JOURNAL.stream().filter(entry -> entry.contains(" in home")).toList(),
                () -> "both callbacks ran once, on the closing thread, before close() returned: " + JOURNAL);
    }

    /* A refused call is done and its body never ran: the drain has nothing to wait for (its grace here: three minutes). */
    @Test
    void aCallTheRemoteExecutorRefusesFailsAtOnceAndHoldsNothingUp() throws Exception {
        System.setProperty("dev.cdiasync.shutdown-grace-ms", "180000");
        WeldContainer home;
        try {
            home = boot("home"); // no member serves: the loopback refuses every call
        } finally {
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
        CompletableFuture<String> future = home.select(Reports.class).get().report("refused", null);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(30, SECONDS));
        assertInstanceOf(RejectedExecutionException.class, failed.getCause());
        assertEquals(2, awaitJournal(2).size(), "both callbacks ran");

        Thread closer = new Thread(home::close);
        closer.start();
        closer.join(MINUTES.toMillis(1)); // bounded only so that nothing hangs: the grace is three minutes
        assertFalse(closer.isAlive(), "close() waited for a call that never went out");
    }

    @Test
    void whatTheRemoteExecutorCannotSendFailsDeploymentNamingTheMethod() {
        System.setProperty("test.container", "home");
        try {
            DeploymentException failure = assertThrows(DeploymentException.class, () -> new Weld("bad")
                    .disableDiscovery().addBeanClasses(Origin.class, Scoped.class, Wiring.class, Threads.class)
                    .initialize().close());
            assertTrue(failure.getMessage().contains(Threads.class.getName() + "#inspect(Thread)")
                    && failure.getMessage().contains("a Thread cannot travel"), failure.getMessage());
        } finally {
            System.clearProperty("test.container");
        }
    }

    @ApplicationScoped
    public static class Threads {
        @Async(executor = "remote")
        public void inspect(Thread thread) {
        }
    }

    private static List<String> awaitJournal(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (JOURNAL.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(JOURNAL.size() >= count, "expected " + count + " entries: " + JOURNAL);
        return new ArrayList<>(JOURNAL);
    }
}
