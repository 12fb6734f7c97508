package dev.cdiasync.hazelcast;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;

/**
 * The calls of one member, by call id: which bodies wait in its executor's queue, which run and on
 * which thread, and which were cancelled. A cancellation reaches the member as a {@link CancelTask}
 * on an executor of the module's own, whatever state the body is in, also before its task arrived:
 * Hazelcast's own cancel finds nothing to cancel then, and the body would start after its future was
 * cancelled.
 *
 * <p>Invariants, kept by {@link ConcurrentHashMap#compute} on one id at a time:
 * <ul>
 * <li>An id maps to {@link #WAITING} (the task arrived, its body has not started), to the
 * {@link Thread} that runs its body, to {@link #CANCELLED} (cancelled before it started: it never
 * will), or to a {@link Long} (a cancel that came before the task: the deadline, in
 * {@link System#nanoTime()}, after which nothing of that call can still arrive).</li>
 * <li>A body starts only by replacing an absent or {@code WAITING} entry with its thread, so a
 * body whose call was cancelled first never starts.</li>
 * <li>A cancel interrupts a thread only while the id maps to it; the body's thread removes that
 * entry when the body ends and then clears its interrupt flag, so no interrupt of ours outlives
 * the body and reaches the next task of Hazelcast's thread.</li>
 * <li>An entry is removed when the body ends or, for a cancelled one, when its task comes to run,
 * or when the caller {@link #forget forgets} a task the member's executor refused (it never runs);
 * only an early cancel whose task never comes (it had finished already) expires, after
 * {@link #EARLY_CANCEL_LIFETIME_NANOS}: the task was sent before the cancel, on the same
 * connection, so it arrives within Hazelcast's retries if at all. Expired ones are removed, at
 * most every {@link #PURGE_INTERVAL_NANOS}, as tasks and cancels arrive.</li>
 * </ul>
 */
final class MemberCalls {

    private static final String KEY = "dev.cdiasync.hazelcast.MemberCalls";
    private static final long EARLY_CANCEL_LIFETIME_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final Object WAITING = new Object() {
        @Override
        public String toString() {
            return "waiting";
        }
    };
    private static final Object CANCELLED = new Object() {
        @Override
        public String toString() {
            return "cancelled";
        }
    };

    private static final long PURGE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ConcurrentHashMap<String, Object> calls = new ConcurrentHashMap<>();

    /* When expired early cancels were last removed: a drain that cancels many calls scans the map once in a while. */
    private volatile long purged = System.nanoTime();

    /** The calls of this member instance, kept in its user context. */
    static MemberCalls of(HazelcastInstance member) {
        return (MemberCalls) member.getUserContext().computeIfAbsent(KEY, key -> new MemberCalls());
    }

    /** The task of the call arrived on this member (Hazelcast deserialized it), before it is queued. */
    void arrived(String id) {
        purge(System.nanoTime());
        calls.merge(id, WAITING, (present, waiting) -> present instanceof Long ? CANCELLED : present);
    }

    /**
     * The body of the call is about to start on this thread.
     *
     * @return false if the call was cancelled: the body must not start (the entry is gone then)
     */
    boolean start(String id, Thread thread) {
        boolean[] cancelled = new boolean[1];
        calls.compute(id, (key, present) -> {
            cancelled[0] = present == CANCELLED || present instanceof Long;
            return cancelled[0] ? null : thread;
        });
        return !cancelled[0];
    }

    /** The body that {@link #start started} on this thread ended: no cancel of it interrupts anything after this. */
    void ended(String id, Thread thread) {
        calls.remove(id, thread);
        Thread.interrupted(); // an interrupt sent before the removal is not left to the next task on this thread
    }

    /**
     * Cancels the call: a body not started never starts, a running one is interrupted.
     *
     * @return what the cancel found: "running" (interrupted), "waiting", "not arrived" or "cancelled"
     */
    String cancel(String id) {
        long now = System.nanoTime();
        purge(now);
        String[] found = new String[1];
        calls.compute(id, (key, present) -> {
            if (present == null) {
                found[0] = "not arrived";
                return now + EARLY_CANCEL_LIFETIME_NANOS;
            }
            if (present instanceof Thread thread) {
                found[0] = "running";
                thread.interrupt();
                return thread;
            }
            found[0] = present == WAITING ? "waiting" : "cancelled";
            return present == WAITING ? CANCELLED : present;
        });
        return found[0];
    }

    /** The member's executor refused the call's task (it never runs): nothing of it is kept. */
    void forget(String id) {
        calls.remove(id);
    }

    private void purge(long now) {
        if (now - purged > PURGE_INTERVAL_NANOS) {
            purged = now;
            calls.values().removeIf(value -> value instanceof Long deadline && deadline - now < 0);
        }
    }

    /** For tests: how many calls this member knows of. */
    int size() {
        return calls.size();
    }
}
