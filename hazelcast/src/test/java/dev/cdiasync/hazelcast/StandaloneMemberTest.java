package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.hazelcast.config.Config;
import dev.cdiasync.hazelcast.it.TestConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteCall;

/**
 * The cluster executor on one standalone member in the test JVM (it picks itself), with a hand-made
 * RemoteCall and LocalBodies: no CDI, no member JVMs.
 */
class StandaloneMemberTest {

    static final String METHOD = "com.acme.Reports#hold(java.lang.String)";
    static final String DESCRIPTION = "com.acme.Reports#hold(String)";

    static HazelcastInstance hz;

    @BeforeAll
    static void start() {
        Config config = TestConfig.standalone();
        // one thread, one queued task: a third task is refused by the member's executor
        config.getExecutorConfig("cdi-async-test-small").setPoolSize(1).setQueueCapacity(1);
        hz = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stop() {
        if (hz != null) {
            hz.shutdown();
        }
    }

    /** A call as the library hands it over, with its outcome in a CompletableFuture. */
    static class Call implements RemoteCall {
        final CompletableFuture<Object> outcome = new CompletableFuture<>();
        final Object[] arguments;

        Call(Object... arguments) {
            this.arguments = arguments;
        }

        @Override
        public String taskName() {
            return "hold";
        }

        @Override
        public String method() {
            return METHOD;
        }

        @Override
        public String description() {
            return DESCRIPTION;
        }

        @Override
        public Object[] arguments() {
            return arguments;
        }

        @Override
        public boolean succeed(Object value) {
            return outcome.complete(value);
        }

        @Override
        public boolean fail(Throwable failure) {
            return outcome.completeExceptionally(failure);
        }

        @Override
        public boolean isDone() {
            return outcome.isDone();
        }

        @Override
        public void onInterrupt(Runnable interrupter) {
        }

        Throwable failure() throws Exception {
            try {
                outcome.get(2, TimeUnit.MINUTES);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }

    /*
     * A task that arrives on a member whose IExecutorService refuses it (its queue is full: ExecutorConfig
     * queue-capacity) was registered as "waiting" by BodyTask.setHazelcastInstance, and its call() never
     * runs: the caller, refused, tells the member to forget it, so that no entry stays in MemberCalls.
     */
    @Test
    void aTaskTheMembersExecutorRefusesLeavesNoEntryInMemberCalls() throws Exception {
        ClusterExecutor executor = ClusterExecutor.of(hz, "cdi-async-test-small");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LocalBodies bodies = (method, arguments) -> {
            started.countDown();
            release.await(2, TimeUnit.MINUTES);
            return "done " + arguments[0];
        };
        executor.serve(bodies);
        try {
            assertEquals(0, MemberCalls.of(hz).size());
            Call running = new Call("a");
            executor.submit(running);
            assertTrue(started.await(2, TimeUnit.MINUTES), "the first body started");
            Call queued = new Call("b");
            executor.submit(queued);
            Call refused = new Call("c");
            executor.submit(refused);
            Throwable why = refused.failure();
            assertInstanceOf(RejectedExecutionException.class, why, "the member's full queue refused the third");
            release.countDown();
            assertEquals("done a", running.outcome.get(2, TimeUnit.MINUTES));
            assertEquals("done b", queued.outcome.get(2, TimeUnit.MINUTES));

            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2); // the forget travels on its own
            while (MemberCalls.of(hz).size() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(0, MemberCalls.of(hz).size(), "every call is over (two ran, one was refused by the"
                    + " member's executor), and MemberCalls holds no entry: " + why);
        } finally {
            release.countDown();
            executor.serve(null);
        }
    }

    /*
     * When the member's container closes under a running body, BodyTask.run fails the call with a
     * TaskLostException that writes the method as messages do (the call's description, not the remote key).
     */
    @Test
    void aTaskLostExceptionMadeOnTheMemberWritesTheMethodAsMessagesDo() throws Exception {
        ClusterExecutor executor = ClusterExecutor.of(hz, "cdi-async-test-lost");
        LocalBodies bodies = (method, arguments) -> {
            ClusterExecutorAccess.stopServing(hz, "cdi-async-test-lost"); // the member's container closes meanwhile
            throw new IllegalStateException("request context gone");
        };
        executor.serve(bodies);
        try {
            Call call = new Call("x");
            executor.submit(call);
            TaskLostException lost = assertInstanceOf(TaskLostException.class, call.failure());
            assertEquals(DESCRIPTION, lost.method(), lost.getMessage());
            assertTrue(lost.getMessage().contains("(" + DESCRIPTION + ")"), lost.getMessage());
        } finally {
            executor.serve(null);
        }
    }

    /*
     * docs/cluster.md: "no member matches the selector ... RejectedExecutionException saying so". With the
     * default selector, the message says that data members were wanted (not Hazelcast's anonymous class).
     */
    @Test
    void theRefusalWhenNoDataMemberIsThereSaysWhichMembersItWanted() throws Exception {
        Config config = TestConfig.standalone();
        config.setClusterName("cdi-async-test-lite-" + ProcessHandle.current().pid()); // alone: it joins nobody
        config.setLiteMember(true);
        HazelcastInstance lite = Hazelcast.newHazelcastInstance(config);
        try {
            RejectedExecutionException refused = assertThrows(
                    RejectedExecutionException.class, () -> ClusterExecutor.of(lite, "cdi-async-test-lite").submit(new Call("x")));
            String message = refused.getMessage();
            assertTrue(!message.contains("MemberSelectors$") && message.contains("data member"), message);
        } finally {
            lite.shutdown();
        }
    }

    /** What the library's drain does to the user context on the member: serve(null), seen from another thread. */
    static final class ClusterExecutorAccess {
        static void stopServing(HazelcastInstance hz, String executorName) {
            hz.getUserContext().remove(ClusterExecutor.userContextKey(executorName));
        }
    }
}
