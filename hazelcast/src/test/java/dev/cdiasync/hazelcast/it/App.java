package dev.cdiasync.hazelcast.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

import com.hazelcast.collection.IList;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.OnDone;
import dev.cdiasync.hazelcast.ClusterExecutor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InterceptorBinding;
import jakarta.interceptor.InvocationContext;

/**
 * The test application, the same on every member and on the caller: a bean whose {@code @Async}
 * methods go to the cluster executor, ordered callbacks, an interceptor and a request-scoped bean.
 * What happens where is written to the cluster's list "journal" with the process id, so that the
 * test (the caller) can read what each member did.
 */
public final class App {

    /** The bean classes of every container; the instance comes from {@link MemberInstance} or {@link CallerInstance}. */
    public static final Class<?>[] CLASSES = {Reports.class, Callbacks.class, Wiring.class, Tracer.class,
            Scope.class, Journal.class};

    public static final long PID = ProcessHandle.current().pid();

    private App() {
    }

    /** Where a body ran: the process, the member, the thread, and what the interceptor saw in that request. */
    public record Where(String label, long pid, String member, String thread, long interceptedIn) {
    }

    @InterceptorBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.METHOD, ElementType.TYPE})
    public @interface Traced {
    }

    /** Marks the request of the call it intercepts with this process's id, for the body to read. */
    @Traced
    @Interceptor
    @Priority(Interceptor.Priority.APPLICATION)
    public static class Tracer {
        @Inject
        Scope scope;

        @AroundInvoke
        Object trace(InvocationContext invocation) throws Exception {
            scope.interceptedIn = PID;
            return invocation.proceed();
        }
    }

    @RequestScoped
    public static class Scope {
        long interceptedIn;
    }

    /** What the user writes: the cluster executor over the instance's "reports" IExecutorService. */
    @ApplicationScoped
    public static class Wiring {
        @Produces
        @AsyncExecutor("cluster")
        Executor cluster(HazelcastInstance hz) {
            return ClusterExecutor.of(hz, TestConfig.EXECUTOR);
        }
    }

    /** The member JVMs' own instance, started with the container and shut down with it. */
    @ApplicationScoped
    public static class MemberInstance {
        @Produces
        @ApplicationScoped
        HazelcastInstance start() {
            return com.hazelcast.core.Hazelcast.newHazelcastInstance(
                    TestConfig.member(System.getProperty("test.cluster"), false));
        }

        void stop(@Disposes HazelcastInstance hz) {
            hz.shutdown();
        }
    }

    /** The caller's instance: the test's lite member, which outlives the containers of single tests. */
    @ApplicationScoped
    public static class CallerInstance {
        public static volatile HazelcastInstance instance;

        @Produces
        @ApplicationScoped
        HazelcastInstance instance() {
            return instance;
        }
    }

    @ApplicationScoped
    public static class Journal {
        @Inject
        HazelcastInstance hz;

        public void add(String entry) {
            list(hz).add(entry + " pid=" + PID);
        }

        public static IList<String> list(HazelcastInstance hz) {
            return hz.getList("journal");
        }

        public static IMap<String, Boolean> releases(HazelcastInstance hz) {
            return hz.getMap("releases");
        }
    }

    @ApplicationScoped
    public static class Reports {
        @Inject
        HazelcastInstance hz;

        @Inject
        Scope scope;

        @Inject
        Journal journal;

        @Traced
        @Async(task = "where", executor = "cluster")
        public CompletableFuture<Where> where(String label) {
            return CompletableFuture.completedFuture(new Where(label, PID,
                    hz.getCluster().getLocalMember().getUuid().toString(), Thread.currentThread().getName(),
                    scope.interceptedIn));
        }

        @Async(task = "note", executor = "cluster")
        public void note(String id, String nothing) {
            journal.add("noted " + id + " " + nothing);
        }

        @Async(task = "fail", executor = "cluster")
        public CompletableFuture<String> fail(String message, int code) throws java.io.IOException {
            if (code < 0) {
                throw new java.io.FileNotFoundException(message + " (thrown in " + PID + ")"); // a checked one
            }
            throw new Types.ReportException(message + " (thrown in " + PID + ")", code);
        }

        /** Journals its start, then waits until the test releases it, or is interrupted. */
        @Async(task = "block", executor = "cluster")
        public Future<String> block(String id) throws InterruptedException {
            awaitRelease(id);
            return CompletableFuture.completedFuture(id + " released in " + PID);
        }

        private void awaitRelease(String id) throws InterruptedException {
            journal.add("started " + id);
            try {
                while (!Boolean.TRUE.equals(Journal.releases(hz).get(id))) {
                    Thread.sleep(20);
                }
            } catch (InterruptedException e) {
                journal.add("interrupted " + id);
                throw e;
            }
            journal.add("released " + id);
        }

        @Async(task = "price", executor = "cluster")
        public CompletableFuture<Types.Priced> doublePrice(Types.Priced priced, Types.Drawing drawing) {
            Types.Money price = priced.price();
            return CompletableFuture.completedFuture(new Types.Priced(priced.item() + " in " + PID + " with "
                    + drawing.path().size() + " point(s)", new Types.Money(price.cents() * 2, price.currency())));
        }

        /** Says on which thread of the member its argument was read, and which thread ran the body. */
        @Async(task = "sniff", executor = "cluster")
        public CompletableFuture<Types.Sniffer> sniff(String id, Types.Sniffer argument) throws InterruptedException {
            awaitRelease(id);
            return CompletableFuture.completedFuture(new Types.Sniffer(argument.label() + " read on "
                    + argument.readOn() + ", body on " + Thread.currentThread().getName() + ", in " + PID));
        }
    }

    /** The callbacks of the caller's calls: they journal where they run. */
    @ApplicationScoped
    public static class Callbacks {
        @Inject
        Journal journal;

        @OnDone(task = "where")
        @Priority(1)
        void first(Future<Where> future) {
            journal.add("first " + label(future) + " on " + Thread.currentThread().getName());
        }

        @OnDone(task = "where")
        @Priority(2)
        void second(Future<Where> future) {
            journal.add("second " + label(future) + " on " + Thread.currentThread().getName());
        }

        @OnDone(task = "fail")
        void failed(Future<String> future) {
            journal.add("failed-callback on " + Thread.currentThread().getName());
        }

        @OnDone(task = "block")
        @Priority(1)
        void blockFirst(Future<String> future) {
            journal.add("block-first on " + Thread.currentThread().getName());
        }

        @OnDone(task = "block")
        @Priority(2)
        void blockSecond(Future<String> future) {
            journal.add("block-second on " + Thread.currentThread().getName());
        }

        private static String label(Future<Where> future) {
            try {
                return future.get().label();
            } catch (Exception e) {
                return "failed";
            }
        }
    }
}
