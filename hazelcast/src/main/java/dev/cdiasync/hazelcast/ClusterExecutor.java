package dev.cdiasync.hazelcast;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MemberSelector;
import com.hazelcast.cluster.memberselector.MemberSelectors;
import com.hazelcast.config.SerializationConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.nio.serialization.HazelcastSerializationException;
import com.hazelcast.spi.exception.TargetNotMemberException;

import dev.cdiasync.spi.LocalBodies;
import dev.cdiasync.spi.RemoteCall;
import dev.cdiasync.spi.RemoteExecutor;
import dev.cdiasync.spi.RemoteMethod;

/**
 * An executor for {@code @Async} methods whose bodies run on the members of a Hazelcast cluster,
 * through a named {@link IExecutorService}. Declare it as any executor:
 *
 * <pre>{@code
 * @Produces @AsyncExecutor("cluster")
 * Executor cluster(HazelcastInstance hz) {
 *     return ClusterExecutor.of(hz, "reports");
 * }
 * }</pre>
 *
 * and route methods to it with {@code @Async(executor = "cluster")}. Every member runs the same
 * application, with the same executor declared: each call's body runs on one member chosen by
 * Hazelcast, in that member's CDI container (its interceptors, a request context), while the future,
 * its callbacks and the shutdown drain stay in the container that made the call.
 *
 * <ul>
 * <li>Which member: one at random among the members the selector accepts (by default the data
 * members, as {@code IExecutorService.submit} does; a lite member then calls but never runs
 * bodies).</li>
 * <li>No retry: a call is submitted with {@link IExecutorService#submitToMember}, which does not
 * re-run a task elsewhere when its member leaves (plain {@code submit} does, so a body could run
 * twice). The call fails with a {@link TaskLostException} naming the task and the member instead.</li>
 * <li>{@code cancel(true)} cancels the call on its member, through the module's own
 * {@code IExecutorService} {@value #CONTROL_EXECUTOR} (see {@link MemberCalls}): a body not started
 * never starts, a running one is interrupted; this waits for the member's answer (milliseconds).
 * Hazelcast's own cancel is not used: it finds nothing to cancel when it overtakes the task on
 * the member, and it completes the future while the body still runs.</li>
 * <li>No application code on Hazelcast's threads: arguments, values and failures travel as bytes
 * of the instance's serialization. Arguments are serialized on the calling thread and read on the
 * member's executor thread that runs the body; the outcome arrives on Hazelcast's response thread,
 * which hands it at once to a small pool of this executor's ({@code cdi-async-cluster-<name>-N}):
 * there it is deserialized and completes the future (stages derived from the future with
 * {@code thenApply} and the like run there too); the library then runs the callbacks on the
 * deployment's default executor.</li>
 * </ul>
 * It never shuts the {@code IExecutorService} down: that would stop the executor of that name on
 * every member.
 */
public final class ClusterExecutor implements RemoteExecutor {

    static final Logger LOG = Logger.getLogger("dev.cdiasync.hazelcast");

    private static final String USER_CONTEXT_KEY = "dev.cdiasync.LocalBodies/";

    /** The {@code IExecutorService} on which cancellations travel; its default config (16 threads) does. */
    public static final String CONTROL_EXECUTOR = "cdi-async-control";

    /** The bodies of the deployment that serves an executor on this member, and its class loader. */
    record Served(LocalBodies bodies, ClassLoader loader) {
    }

    private final HazelcastInstance hazelcast;
    private final String instanceName;
    private final String name;
    private final MemberSelector members;
    private final ThreadPoolExecutor delivery;
    private final IExecutorService executor;
    private final IExecutorService control;
    private final Payloads payloads;
    private volatile Served served;

    private ClusterExecutor(HazelcastInstance hazelcast, String name, MemberSelector members) {
        this.hazelcast = Objects.requireNonNull(hazelcast, "hazelcast");
        this.name = Objects.requireNonNull(name, "executorName");
        this.members = Objects.requireNonNull(members, "members");
        this.instanceName = hazelcast.getName();
        this.executor = hazelcast.getExecutorService(name);
        this.control = hazelcast.getExecutorService(CONTROL_EXECUTOR);
        this.payloads = Payloads.of(hazelcast);
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        AtomicInteger count = new AtomicInteger();
        this.delivery = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "cdi-async-cluster-" + name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        });
        this.delivery.allowCoreThreadTimeOut(true); // no thread is left when no call is in flight
    }

    /**
     * An executor over the {@code IExecutorService} of this name; bodies run on the data members
     * (those that are not lite members), one chosen by Hazelcast per call.
     *
     * @param hazelcast    the member instance of this deployment
     * @param executorName the name of the {@code IExecutorService} (configure its pool size in the
     *                     instance's {@code ExecutorConfig} of that name)
     * @return the executor
     * @throws IllegalArgumentException if the instance is no member (a Hazelcast client, say)
     */
    public static ClusterExecutor of(HazelcastInstance hazelcast, String executorName) {
        return new ClusterExecutor(hazelcast, executorName, MemberSelectors.DATA_MEMBER_SELECTOR);
    }

    /**
     * An executor over the {@code IExecutorService} of this name; bodies run on the members the
     * selector accepts, one chosen by Hazelcast per call.
     *
     * @param hazelcast    the member instance of this deployment
     * @param executorName the name of the {@code IExecutorService}
     * @param members      which members may run bodies ({@link MemberSelectors} has the usual ones)
     * @return the executor
     * @throws IllegalArgumentException if the instance is no member (a Hazelcast client, say)
     */
    public static ClusterExecutor of(HazelcastInstance hazelcast, String executorName, MemberSelector members) {
        return new ClusterExecutor(hazelcast, executorName, members);
    }

    /** @return the name of the {@code IExecutorService} */
    public String executorName() {
        return name;
    }

    @Override
    public void submit(RemoteCall call) {
        Object[] values = call.arguments();
        if (values == null) {
            // Cancelled between the library's last look and here (the done call dropped its arguments): the
            // body never starts, and the call hears that it ended.
            call.fail(new CancellationException());
            return;
        }
        byte[][] arguments = new byte[values.length][];
        Member member;
        Future<Outcome> future;
        String id = callId();
        try {
            for (int i = 0; i < values.length; i++) {
                arguments[i] = payloads.write(values[i]);
            }
            BodyTask task = new BodyTask(name, call.taskName(), call.method(), call.description(), id, arguments);
            member = pick(call);
            future = executor.submitToMember(task, member);
        } catch (HazelcastSerializationException e) {
            throw rejected(call, "its arguments cannot be serialized (" + e.getMessage() + ")", e);
        } catch (HazelcastInstanceNotActiveException e) {
            throw rejected(call, "the Hazelcast instance " + instanceName + " is not running", e);
        } catch (RejectedExecutionException e) {
            throw rejected(call, e.getMessage(), e);
        }
        if (!(future instanceof CompletionStage<?>)) {
            throw new IllegalStateException("Hazelcast returned a " + future.getClass().getName() + " that is no"
                    + " CompletionStage for @Async task '" + call.taskName() + "'");
        }
        @SuppressWarnings("unchecked")
        CompletionStage<Outcome> stage = (CompletionStage<Outcome>) future;
        // On Hazelcast's response thread, only the Outcome (two fields) is read; its payload is read, and the
        // call completed, on this executor's pool. The call always hears of the outcome, also when it is done
        // already (cancelled, timed out): until then its body counts as running, for cancel(true) and the drain.
        stage.whenCompleteAsync((outcome, failure) -> {
            if (failure == null) {
                deliver(call, outcome);
            } else {
                deliverFailure(call, id, future, member);
            }
        }, delivery);
        call.onInterrupt(new Canceller(call, id, member, future));
    }

    private static String callId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /* One of the members the selector accepts, at random. */
    private Member pick(RemoteCall call) {
        List<Member> candidates = new ArrayList<>();
        for (Member member : hazelcast.getCluster().getMembers()) {
            if (members.select(member)) {
                candidates.add(member);
            }
        }
        if (candidates.isEmpty()) {
            throw new RejectedExecutionException(members == MemberSelectors.DATA_MEMBER_SELECTOR
                    ? "the cluster has no data member to run it (every member is a lite member)"
                    : "no member of the cluster is accepted by its member selector " + members);
        }
        return candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    private void forget(RemoteCall call, String id, Member member) {
        try {
            control.submitToMember(new CancelTask(id, true), member);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Could not tell member " + TaskLostException.describe(member) + " to forget"
                    + " the refused @Async task '" + call.taskName() + "'");
        }
    }

    private RejectedExecutionException rejected(RemoteCall call, String why, Throwable cause) {
        return new RejectedExecutionException("@Async task '" + call.taskName() + "' (" + call.description()
                + ") could not be sent to the cluster executor '" + name + "': " + why, cause);
    }

    /* On a thread of this executor's: reads what the body returned or threw, and completes the call with it. */
    private void deliver(RemoteCall call, Outcome outcome) {
        Object payload;
        try {
            payload = payloads.read(outcome.payload());
        } catch (RuntimeException | Error unreadable) {
            call.fail(unreadable);
            return;
        }
        if (outcome.failed()) {
            call.fail((Throwable) payload);
        } else {
            call.succeed(payload);
        }
    }

    /*
     * On a thread of this executor's, once the task itself failed (the body's own failures come as an
     * Outcome): reads the failure by Future.get(), whose contract is Hazelcast's documented one (a
     * MemberLeftException if the member left, Hazelcast's failures as the cause of an ExecutionException),
     * and fails the call with it. A member that is still there may have refused the task after it
     * arrived (its executor's queue full): it is told to forget the call.
     */
    private void deliverFailure(RemoteCall call, String id, Future<Outcome> task, Member member) {
        Throwable failure;
        try {
            task.get();
            failure = new IllegalStateException("the task failed and get() returned"); // not reached
        } catch (MemberLeftException left) {
            failure = new TaskLostException(call.taskName(), call.description(), left.getMember(), left);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            if (cause instanceof TargetNotMemberException) {
                failure = new TaskLostException(call.taskName(), call.description(), member, cause);
            } else {
                failure = cause;
                forget(call, id, member);
            }
        } catch (InterruptedException cannotHappen) {
            Thread.currentThread().interrupt(); // the task is done: get() does not wait
            failure = cannotHappen;
        } catch (RuntimeException | Error other) {
            failure = other; // the instance went down
        }
        call.fail(failure);
    }

    /**
     * Checks that each parameter and the result of the method can be serialized by this instance's
     * serialization: see {@link SerializationCheck}.
     */
    @Override
    public void check(RemoteMethod method, Consumer<String> problems) {
        SerializationCheck check = new SerializationCheck(serializationConfig());
        Parameter[] parameters = method.method().getParameters();
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            String problem = check.problem(parameter.getParameterizedType());
            if (problem != null) {
                problems.accept("parameter " + (i + 1) + " '" + parameter.getName() + "' ("
                        + parameter.getParameterizedType().getTypeName() + ") cannot travel to the members of cluster"
                        + " executor '" + name + "': " + problem);
            }
        }
        String problem = check.problem(method.resultType());
        if (problem != null) {
            problems.accept("its result type " + method.resultType().getTypeName() + " cannot travel back from the"
                    + " members of cluster executor '" + name + "': " + problem);
        }
    }

    private SerializationConfig serializationConfig() {
        try {
            return hazelcast.getConfig().getSerializationConfig();
        } catch (UnsupportedOperationException clientInstance) {
            return new SerializationConfig();
        }
    }

    /**
     * Puts the bodies of this deployment into the instance's user context, under this executor's
     * name, where the tasks that arrive on this member find them; removes them at shutdown (a task
     * arriving then is refused).
     *
     * @throws IllegalStateException if another deployment serves this executor name on this instance
     */
    @Override
    public void serve(LocalBodies bodies) {
        String key = userContextKey(name);
        if (bodies == null) {
            Served previous = served;
            served = null;
            if (previous != null) {
                try {
                    hazelcast.getUserContext().remove(key, previous);
                } catch (HazelcastInstanceNotActiveException down) {
                    // the instance is down already (its shutdown hook ran first): no task can arrive any more
                }
            }
            return;
        }
        Served mine = new Served(bodies, Thread.currentThread().getContextClassLoader());
        Object present = hazelcast.getUserContext().putIfAbsent(key, mine);
        if (present instanceof Served other && other.bodies() == bodies) {
            served = other; // another executor of the same deployment over the same IExecutorService
            return;
        }
        if (present != null) {
            throw new IllegalStateException("Another CDI deployment already serves cluster executor '" + name
                    + "' on Hazelcast instance " + instanceName + ": give each deployment its own executor name"
                    + " or its own instance");
        }
        served = mine;
    }

    static String userContextKey(String executorName) {
        return USER_CONTEXT_KEY + executorName;
    }

    @Override
    public String toString() {
        return "ClusterExecutor[" + name + " on " + hazelcast.getName() + "]";
    }

    /*
     * Cancels the remote call for cancel(true) and the shutdown drain: sends a CancelTask to the member
     * the body went to, and waits for its answer, so that once cancel(true) returns, a body that had not
     * started never starts; it then tells the call that no body runs any more (the task's own outcome
     * comes later, when the task reaches the head of the member's queue), so that the drain does not wait
     * for it. The library may run it twice (a cancel racing the registration): it runs once, and never
     * while holding a lock of the call's. It must not throw: the callbacks follow it.
     */
    private final class Canceller implements Runnable {
        private final RemoteCall call;
        private final String id;
        private final Member member;
        private final Future<Outcome> task;
        private final AtomicBoolean ran = new AtomicBoolean();

        Canceller(RemoteCall call, String id, Member member, Future<Outcome> task) {
            this.call = call;
            this.id = id;
            this.member = member;
            this.task = task;
        }

        @Override
        public void run() {
            assert !Thread.holdsLock(call) : "cancelling a remote task while holding the call's monitor";
            if (!ran.compareAndSet(false, true) || task.isDone()) {
                return; // the body's outcome is here: nothing runs any more
            }
            try {
                String found = control.submitToMember(new CancelTask(id, false), member).get();
                LOG.fine(() -> "Cancelled @Async task '" + call.taskName() + "' on member "
                        + TaskLostException.describe(member) + ": its body was " + found);
                if (!found.equals("running")) {
                    call.fail(new CancellationException("@Async task '" + call.taskName() + "' was cancelled before"
                            + " its body started")); // the call is done already: this only says that no body runs
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.log(Level.WARNING, () -> "Interrupted while cancelling the remote body of @Async task '"
                        + call.taskName() + "' on member " + TaskLostException.describe(member)
                        + "; its future is cancelled anyway");
            } catch (ExecutionException | RuntimeException e) {
                Throwable why = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                // A member that left took its body along: the call fails with a TaskLostException anyway.
                Level level = why instanceof MemberLeftException || why instanceof TargetNotMemberException
                        || why instanceof HazelcastInstanceNotActiveException ? Level.FINE : Level.WARNING;
                LOG.log(level, why, () -> "Cancelling the remote body of @Async task '" + call.taskName()
                        + "' on member " + TaskLostException.describe(member) + " failed; its future is cancelled"
                        + " anyway");
            }
        }
    }
}
