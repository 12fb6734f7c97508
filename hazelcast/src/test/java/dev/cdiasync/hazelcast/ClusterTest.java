package dev.cdiasync.hazelcast;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.MemberLeftException;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.hazelcast.it.App;
import dev.cdiasync.hazelcast.it.App.Journal;
import dev.cdiasync.hazelcast.it.App.Reports;
import dev.cdiasync.hazelcast.it.App.Where;
import dev.cdiasync.hazelcast.it.Cluster;
import dev.cdiasync.hazelcast.it.TestConfig;
import dev.cdiasync.hazelcast.it.Types;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * The cluster executor with real members: three member JVMs, each running the test application in
 * Weld SE, and this JVM as the caller: a lite member, so that it runs the same application as the
 * members (a client could not serve bodies) while Hazelcast never picks it to run one. Members write
 * what they do, with their process id, to the cluster list "journal", which the tests read.
 */
class ClusterTest {

    private static final AtomicInteger CONTAINERS = new AtomicInteger();

    private static Cluster cluster;
    private static HazelcastInstance hz;

    private WeldContainer home;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new Cluster(3);
        hz = cluster.caller();
        App.CallerInstance.instance = hz;
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void threeMembers() throws Exception {
        cluster.ensureDataMembers(3); // after a test killed one
        Journal.list(hz).clear();
    }

    @AfterEach
    void closeHome() {
        if (home != null && home.isRunning()) {
            home.close();
        }
    }

    @Test
    void bodiesRunOnMembersHazelcastChoosesInTheirOwnContainersAndCallbacksAtHome() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        Journal journal = home.select(Journal.class).get();
        Map<Long, Member> members = cluster.dataMembers();

        List<AsyncFuture<Where>> futures = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            AsyncFuture<Where> future = (AsyncFuture<Where>) reports.where("w" + i);
            future.addDoneCallback(done -> journal.add("runtime " + done.join().label()));
            futures.add(future);
        }
        Set<Long> ranIn = new HashSet<>();
        for (AsyncFuture<Where> future : futures) {
            Where where = future.get(2, MINUTES);
            assertNotEquals(App.PID, where.pid(), "a lite member never runs a body");
            assertTrue(members.containsKey(where.pid()), () -> where + " ran in a JVM of the cluster: " + members);
            assertEquals(members.get(where.pid()).getUuid().toString(), where.member());
            assertEquals(where.pid(), where.interceptedIn(),
                    "the member's interceptor ran, in the request context of the body");
            assertFalse(where.thread().startsWith("cdi-async-"), () -> "the body ran synchronously on the thread of"
                    + " the member's IExecutorService, not asynchronously again: " + where.thread());
            ranIn.add(where.pid());
        }
        assertTrue(ranIn.size() > 1, () -> "Hazelcast spread 30 calls over several members: " + ranIn);

        List<String> entries = awaitJournal(entry -> entry.startsWith("first ") || entry.startsWith("second ")
                || entry.startsWith("runtime "), 90);
        for (int i = 0; i < 30; i++) {
            String label = "w" + i;
            List<String> mine = entries.stream().filter(entry -> entry.split(" ")[1].equals(label)).toList();
            assertEquals(3, mine.size(), () -> "each callback once for " + label + ": " + mine);
            assertTrue(mine.get(0).startsWith("first " + label + " on cdi-async-")
                    && mine.get(1).startsWith("second " + label + " on cdi-async-")
                    && mine.get(2).startsWith("runtime " + label), () -> "in order, on the caller's executor: " + mine);
            assertTrue(mine.stream().allMatch(entry -> entry.endsWith(" pid=" + App.PID)),
                    () -> "the callbacks ran on the caller, never on a member: " + mine);
        }
    }

    @Test
    void voidMethodsAndNullsTravelToo() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        String id = "note-" + UUID.randomUUID();

        reports.note(id, null);
        Where where = reports.where(null).get(2, MINUTES);

        assertEquals(null, where.label());
        assertNotEquals(App.PID, pid(awaitJournal(entry -> entry.startsWith("noted " + id + " null"), 1).get(0)));
    }

    @Test
    void theBodysExceptionArrivesWithItsTypeMessageAndFields() throws Exception {
        Reports reports = boot().select(Reports.class).get();

        CompletableFuture<String> future = reports.fail("no report named x", 42);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(2, MINUTES));
        Types.ReportException cause = assertInstanceOf(Types.ReportException.class, failed.getCause());
        assertTrue(cause.getMessage().startsWith("no report named x (thrown in "), cause.getMessage());
        assertNotEquals(String.valueOf(App.PID), cause.getMessage().replaceAll("\\D", ""), "thrown on a member");
        assertEquals(42, cause.code());
        CompletableFuture<String> checked = reports.fail("no file named y", -1);
        ExecutionException failedChecked = assertThrows(ExecutionException.class, () -> checked.get(2, MINUTES));
        assertInstanceOf(java.io.FileNotFoundException.class, failedChecked.getCause());
        assertTrue(failedChecked.getCause().getMessage().startsWith("no file named y (thrown in "));

        List<String> callbacks = awaitJournal(entry -> entry.startsWith("failed-callback"), 2);
        assertTrue(callbacks.stream().allMatch(entry -> entry.startsWith("failed-callback on cdi-async-")
                && entry.endsWith(" pid=" + App.PID)), callbacks::toString);
        reports.where("sync").get(2, MINUTES); // later than any second run of the callbacks would be
        assertEquals(2, journal(entry -> entry.startsWith("failed-callback")).size(), "each callback ran once");
    }

    @Test
    void recordsSerializableClassesAndRegisteredCompactTypesTravelBothWays() throws Exception {
        Reports reports = boot().select(Reports.class).get();

        Types.Priced priced = reports.doublePrice(new Types.Priced("tea", new Types.Money(150, "EUR")),
                Types.Drawing.sample()).get(2, MINUTES);

        assertEquals(new Types.Money(300, "EUR"), priced.price());
        assertTrue(priced.item().startsWith("tea in ") && priced.item().endsWith(" with 1 point(s)"), priced.item());
        assertFalse(priced.item().contains(" " + App.PID + " "), "doubled on a member");
    }

    @Test
    void applicationCodeNeverRunsOnHazelcastsThreads() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        Types.Sniffer.READ_ON.clear();
        String id = "sniff-" + UUID.randomUUID();

        AsyncFuture<Types.Sniffer> future = (AsyncFuture<Types.Sniffer>) reports.sniff(id, new Types.Sniffer("arg"));
        CompletableFuture<String> derived = future.thenApply(value -> Thread.currentThread().getName());
        awaitJournal(entry -> entry.startsWith("started " + id), 1);
        Journal.releases(hz).put(id, true);

        String derivedOn = derived.get(2, MINUTES);
        String label = future.join().label(); // "arg read on T1, body on T2, in pid"
        String readOn = label.substring("arg read on ".length(), label.indexOf(", body on "));
        String bodyOn = label.substring(label.indexOf(", body on ") + 10, label.indexOf(", in "));
        assertEquals(bodyOn, readOn, "the member read the argument on the thread that ran the body, not on one of"
                + " Hazelcast's operation threads");
        assertEquals(List.of(Types.Sniffer.READ_ON.get(0)), Types.Sniffer.READ_ON, "the result was read once");
        assertTrue(Types.Sniffer.READ_ON.get(0).startsWith("cdi-async-cluster-" + TestConfig.EXECUTOR + "-"),
                () -> "the result was read on the executor's delivery thread: " + Types.Sniffer.READ_ON);
        assertTrue(derivedOn.startsWith("cdi-async-cluster-" + TestConfig.EXECUTOR + "-"),
                () -> "a stage derived from the future runs where the future completes: " + derivedOn);
    }

    @Test
    void cancelTrueCancelsTheRemoteTaskAndInterruptsItsBody() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        String id = "cancel-" + UUID.randomUUID();

        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        long pid = pid(awaitJournal(entry -> entry.startsWith("started " + id), 1).get(0));
        assertTrue(future.cancel(true));

        assertTrue(future.isCancelled());
        String self = Thread.currentThread().getName();
        assertEquals(List.of("block-first on " + self + " pid=" + App.PID, "block-second on " + self + " pid=" + App.PID),
                journal(entry -> entry.startsWith("block-")), "the callbacks ran at once, on the cancelling thread");
        String interrupted = awaitJournal(entry -> entry.startsWith("interrupted " + id), 1).get(0);
        assertEquals(pid, pid(interrupted), "the body was interrupted on its member");
        assertNotEquals(App.PID, pid);
    }

    /*
     * Races cancel(true) against the task's arrival: Hazelcast's own cancel, overtaking the task on the member,
     * finds nothing to cancel, and the body then started after its call was cancelled (about 20 in 100).
     */
    @Test
    void aBodyWhoseCallWasCancelledBeforeItStartedNeverStarts() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "race-" + i + "-" + UUID.randomUUID();
            ids.add(id);
            AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
            assertTrue(future.cancel(true));
            // cancel(true) has returned (it waits for the member's answer): from here on the body never starts
            Journal.list(hz).add("cancelled " + id + " pid=" + App.PID);
        }
        for (String id : ids) {
            Journal.releases(hz).put(id, true); // a body that started late would end now
        }
        Set<Long> answered = new HashSet<>(); // each member's executor has taken up every task sent before
        for (int i = 0; i < 200 && answered.size() < 3; i++) {
            answered.add(reports.where("sync").get(2, MINUTES).pid());
        }
        // A body that started before its cancel reached the member was interrupted by it. One that started
        // after cancel(true) returned would be interrupted by nobody: it would have run to its end, released.
        // (The journal's order is no proof: a body's "started" may land after the test's "cancelled".)
        List<String> all = new ArrayList<>(Journal.list(hz));
        List<String> late = new ArrayList<>();
        for (String id : ids) {
            if (indexOf(all, "released " + id + " ") >= 0) {
                late.add(id + ": " + all.stream().filter(entry -> entry.contains(" " + id + " ")).toList());
            } else if (indexOf(all, "started " + id + " ") >= 0) {
                awaitJournal(entry -> entry.startsWith("interrupted " + id + " "), 1);
            }
        }
        assertTrue(late.isEmpty(), () -> late.size() + " of 100 bodies started after cancel(true) returned and ran"
                + " to their end: " + late);
    }

    /*
     * A remote body whose future is done early (orTimeout here; cancel(false) and complete alike) still counts
     * as running: the drain waits for it, then interrupts it on its member, as it does a local body.
     */
    @Test
    void theDrainInterruptsARemoteBodyWhoseFutureTimedOut() throws Exception {
        Reports reports = boot("300").select(Reports.class).get();
        String id = "timeout-" + UUID.randomUUID();
        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        long pid = pid(awaitJournal(entry -> entry.startsWith("started " + id), 1).get(0));
        future.orTimeout(1, TimeUnit.MILLISECONDS);
        assertThrows(ExecutionException.class, () -> future.get(2, MINUTES)); // the caller gave up; the body runs on

        home.close(); // grace 300 ms: the body is waited for, then interrupted

        Journal.releases(hz).put(id, true); // only a body the drain left running sees this
        List<String> end = awaitJournal(entry -> entry.startsWith("interrupted " + id + " ")
                || entry.startsWith("released " + id + " "), 1);
        assertTrue(end.get(0).startsWith("interrupted "), () -> "the body of the timed-out call was neither waited for"
                + " nor interrupted: " + end);
        assertEquals(pid, pid(end.get(0)));
    }

    @Test
    void aMemberKilledWhileRunningABodyFailsTheCallNamingTaskAndMember() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        String id = "kill-" + UUID.randomUUID();

        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        long pid = pid(awaitJournal(entry -> entry.startsWith("started " + id), 1).get(0));
        Member victim = cluster.dataMembers().get(pid);
        cluster.kill(pid);

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(2, MINUTES));
        TaskLostException lost = assertInstanceOf(TaskLostException.class, failed.getCause());
        assertEquals("block", lost.taskName());
        assertEquals(victim.getUuid(), lost.memberUuid());
        assertTrue(lost.getMessage().contains("'block'") && lost.getMessage().contains(victim.getAddress().toString())
                && lost.getMessage().contains(victim.getUuid().toString()), lost.getMessage());
        assertInstanceOf(MemberLeftException.class, lost.getCause());

        List<String> callbacks = awaitJournal(entry -> entry.startsWith("block-"), 2);
        assertTrue(callbacks.get(0).startsWith("block-first on cdi-async-")
                && callbacks.get(1).startsWith("block-second on cdi-async-")
                && callbacks.stream().allMatch(entry -> entry.endsWith(" pid=" + App.PID)), callbacks::toString);
        Where after = reports.where("after").get(2, MINUTES); // the cluster goes on without the member
        assertNotEquals(pid, after.pid());
        assertEquals(1, journal(entry -> entry.startsWith("started " + id)).size(),
                "the body was not run again on another member");
        assertEquals(2, journal(entry -> entry.startsWith("block-")).size(), "each callback ran once");
    }

    @Test
    void aMemberThatLeavesWhileRunningABodyFailsTheCallOnce() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        String id = "leave-" + UUID.randomUUID();

        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        long pid = pid(awaitJournal(entry -> entry.startsWith("started " + id), 1).get(0));
        Member leaving = cluster.dataMembers().get(pid);
        cluster.stop(pid); // its container closes, then its Hazelcast instance shuts down

        ExecutionException failed = assertThrows(ExecutionException.class, () -> future.get(2, MINUTES));
        TaskLostException lost = assertInstanceOf(TaskLostException.class, failed.getCause());
        assertEquals(leaving.getUuid(), lost.memberUuid()); // left, or failed while its container was closing
        assertTrue(lost.getMessage().contains("'block'") && lost.getMessage().contains(leaving.getUuid().toString()),
                lost.getMessage());
        List<String> callbacks = awaitJournal(entry -> entry.startsWith("block-"), 2);
        assertTrue(callbacks.get(0).startsWith("block-first on cdi-async-")
                && callbacks.get(1).startsWith("block-second on cdi-async-"), callbacks::toString);
        reports.where("sync").get(2, MINUTES);
        assertEquals(2, journal(entry -> entry.startsWith("block-")).size(), "each callback ran once");
        assertEquals(1, journal(entry -> entry.startsWith("started " + id)).size(), "the body ran once");
    }

    /*
     * The member's own drain waits, within its grace period (5 s for the test's members), for the bodies other
     * members sent it: the body is released 1.5 s after the member began to stop, and its value arrives.
     */
    @Test
    void aMemberThatStopsLetsTheBodiesItRunsFinishWithinItsGrace() throws Exception {
        Reports reports = boot().select(Reports.class).get();
        String id = "member-drain-" + UUID.randomUUID();

        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        long pid = pid(awaitJournal(entry -> entry.startsWith("started " + id), 1).get(0));
        Thread stopper = new Thread(() -> {
            try {
                cluster.stop(pid);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        stopper.start();
        cluster.awaitLog(pid, "member stopping: pid " + pid);
        Thread.sleep(1500); // the member's container is draining by now (without its drain it would have closed)
        Journal.releases(hz).put(id, true);
        stopper.join(MINUTES.toMillis(2));

        assertEquals(id + " released in " + pid, future.get(2, MINUTES));
        assertEquals(2, awaitJournal(entry -> entry.startsWith("block-"), 2).size(), "each callback ran once");
    }

    @Test
    void closingTheCallersContainerWaitsForRemoteBodiesWithinTheGrace() throws Exception {
        Reports reports = boot("60000").select(Reports.class).get();
        Probe probe = home.select(Probe.class).get();
        String id = "drain-" + UUID.randomUUID();
        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        awaitJournal(entry -> entry.startsWith("started " + id), 1);

        // Releases the body once the drain has begun: when the container refuses new calls.
        Thread releaser = new Thread(() -> {
            try {
                while (!refused(probe.local())) {
                    Thread.sleep(10);
                }
                Journal.releases(hz).put(id, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        releaser.start();
        home.close();
        releaser.join();

        assertTrue(future.isDone() && !future.isCancelled(), "close() waited for the remote body");
        assertTrue(future.get().startsWith(id + " released in "));
        assertEquals(2, journal(entry -> entry.startsWith("block-") && entry.endsWith(" pid=" + App.PID)).size(),
                "both callbacks ran, on the caller, before close() returned");
    }

    @Test
    void closingTheCallersContainerCancelsAndInterruptsWhatOutlivesTheGrace() throws Exception {
        Reports reports = boot("300").select(Reports.class).get();
        String id = "outlive-" + UUID.randomUUID();
        AsyncFuture<String> future = (AsyncFuture<String>) reports.block(id);
        long pid = pid(awaitJournal(entry -> entry.startsWith("started " + id), 1).get(0));

        home.close();

        assertTrue(future.isCancelled(), "cancelled after the grace period");
        String self = Thread.currentThread().getName();
        assertEquals(List.of("block-first on " + self + " pid=" + App.PID, "block-second on " + self + " pid=" + App.PID),
                journal(entry -> entry.startsWith("block-")), "both callbacks ran once, before close() returned");
        assertEquals(pid, pid(awaitJournal(entry -> entry.startsWith("interrupted " + id), 1).get(0)),
                "the body was interrupted on its member");
        assertFalse(hz.getExecutorService(TestConfig.EXECUTOR).isShutdown(), "the IExecutorService goes on");
        assertNotEquals(App.PID, boot().select(Reports.class).get().where("next").get(2, MINUTES).pid());
    }

    @Test
    void whatCannotTravelFailsDeploymentNamingTheMethodAndTheParameter() {
        DeploymentException failure = assertThrows(DeploymentException.class, () -> boot(null, Unfit.class));

        String message = failure.getMessage();
        assertTrue(message.contains(Unfit.class.getName() + "#inspect(Thread)") && message.contains(
                "parameter 1 'thread' (java.lang.Thread) cannot travel"), message);
        assertTrue(message.contains(Unfit.class.getName() + "#lookup(String)") && message.contains(
                "its result type " + Types.HoldsUuid.class.getName() + " cannot travel back")
                && message.contains("component 'id'"), message);
        assertFalse(message.contains("#fine("), message);
    }

    @ApplicationScoped
    public static class Unfit {
        @Async(executor = "cluster")
        public void inspect(Thread thread) {
        }

        @Async(executor = "cluster")
        public CompletableFuture<Types.HoldsUuid> lookup(String name) {
            return null;
        }

        @Async(executor = "cluster")
        public CompletableFuture<Types.Priced> fine(Types.Drawing drawing, List<Types.Point> points) {
            return null;
        }
    }

    /** A local @Async method: refused once the container's drain has begun. */
    @ApplicationScoped
    public static class Probe {
        @Async
        public CompletableFuture<String> local() {
            return CompletableFuture.completedFuture("local");
        }
    }

    private static boolean refused(CompletableFuture<String> call) {
        try {
            call.get(1, MINUTES);
            return false;
        } catch (ExecutionException e) {
            return e.getCause() instanceof RejectedExecutionException;
        } catch (Exception e) {
            return false;
        }
    }

    private WeldContainer boot() {
        return boot(null);
    }

    private WeldContainer boot(String graceMillis, Class<?>... more) {
        if (graceMillis != null) {
            System.setProperty("dev.cdiasync.shutdown-grace-ms", graceMillis);
        }
        try {
            home = new Weld("home-" + CONTAINERS.incrementAndGet()).disableDiscovery().addBeanClasses(App.CLASSES)
                    .addBeanClasses(App.CallerInstance.class, Probe.class).addBeanClasses(more)
                    .addInterceptor(App.Tracer.class).initialize();
            return home;
        } finally {
            System.clearProperty("dev.cdiasync.shutdown-grace-ms");
        }
    }

    private static int indexOf(List<String> entries, String prefix) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    private static long pid(String entry) {
        return Long.parseLong(entry.substring(entry.lastIndexOf(" pid=") + 5));
    }

    private static List<String> journal(Predicate<String> filter) {
        return new ArrayList<>(Journal.list(hz)).stream().filter(filter).toList();
    }

    /** The entries that match, once there are at least this many (within two minutes: nothing may hang). */
    private static List<String> awaitJournal(Predicate<String> filter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        List<String> matching = journal(filter);
        while (matching.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
            matching = journal(filter);
        }
        assertTrue(matching.size() >= count, "expected " + count + " journal entries, got " + matching + " in "
                + new ArrayList<>(Journal.list(hz)));
        return matching;
    }
}
