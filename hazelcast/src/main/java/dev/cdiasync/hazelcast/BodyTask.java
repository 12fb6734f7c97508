package dev.cdiasync.hazelcast;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.nio.serialization.HazelcastSerializationException;

/**
 * What travels for one {@code @Async} call: the executor's name, the task name, the method, the
 * call's id and the arguments, serialized by the caller (see {@link Payloads}). On the member that
 * runs it, Hazelcast hands it its own instance ({@link HazelcastInstanceAware}) as it arrives, whose
 * user context holds the bodies of the member's deployment (put there by {@link ClusterExecutor#serve})
 * and the member's {@link MemberCalls}; the arguments are read and the body runs there,
 * synchronously, on the thread of the {@code IExecutorService} that runs this task, with the
 * deployment's class loader as the context class loader, unless its call was cancelled first. What
 * the body returns or throws goes back as an {@link Outcome}.
 */
final class BodyTask implements Callable<Outcome>, DataSerializable, HazelcastInstanceAware {

    private String executor;
    private String taskName;
    private String method;
    private String description;
    private String call;
    private byte[][] arguments;
    private transient HazelcastInstance member;

    /** For Hazelcast's deserialization. */
    public BodyTask() {
    }

    BodyTask(String executor, String taskName, String method, String description, String call, byte[][] arguments) {
        this.executor = executor;
        this.taskName = taskName;
        this.method = method;
        this.description = description;
        this.call = call;
        this.arguments = arguments;
    }

    /* Called by Hazelcast on the member's operation thread as the task arrives, before it is queued. */
    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
        MemberCalls.of(member).arrived(call);
    }

    /**
     * Runs the body in the member's deployment.
     *
     * @return the body's value or failure; never throws for what the body does
     * @throws RejectedExecutionException if no deployment on this member serves the executor
     */
    @Override
    public Outcome call() {
        MemberCalls calls = MemberCalls.of(member);
        Thread thread = Thread.currentThread();
        if (!calls.start(call, thread)) {
            return failed(Payloads.of(member), new CancellationException(this + " was cancelled before it started on"
                    + " member " + TaskLostException.describe(member.getCluster().getLocalMember())));
        }
        ClassLoader loader = thread.getContextClassLoader();
        try {
            return run();
        } finally {
            thread.setContextClassLoader(loader);
            calls.ended(call, thread);
        }
    }

    private Outcome run() {
        Object found = member.getUserContext().get(ClusterExecutor.userContextKey(executor));
        if (!(found instanceof ClusterExecutor.Served served)) {
            throw new RejectedExecutionException(this + " cannot run on member "
                    + TaskLostException.describe(member.getCluster().getLocalMember()) + ": no CDI deployment there"
                    + " serves executor '" + executor + "' (none started, or it is shutting down)");
        }
        Thread.currentThread().setContextClassLoader(served.loader());
        Payloads payloads = Payloads.of(member);
        Object value;
        try {
            Object[] values = new Object[arguments.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = payloads.read(arguments[i]);
            }
            value = served.bodies().run(method, values);
        } catch (Throwable failure) {
            if (member.getUserContext().get(ClusterExecutor.userContextKey(executor)) != served) {
                // The member's container began to close while the body ran (and took the bodies back): the
                // failure is most likely that (a context gone, the instance shutting down), so it says so.
                return failed(payloads, new TaskLostException(taskName, description, member.getCluster().getLocalMember(),
                        "was shutting down its CDI container while the body ran, and the body failed", failure));
            }
            return failed(payloads, failure);
        }
        try {
            return new Outcome(false, payloads.write(value));
        } catch (RuntimeException e) {
            return failed(payloads, new HazelcastSerializationException("The value " + this + " returned, of "
                    + value.getClass().getName() + ", cannot be serialized: " + e.getMessage(), e));
        }
    }

    private Outcome failed(Payloads payloads, Throwable failure) {
        try {
            return new Outcome(true, payloads.write(failure));
        } catch (RuntimeException e) {
            HazelcastSerializationException unreadable = new HazelcastSerializationException(this + " failed with "
                    + failure + ", which cannot be serialized (" + e.getMessage() + ")");
            unreadable.setStackTrace(failure.getStackTrace());
            return new Outcome(true, payloads.write(unreadable));
        }
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(executor);
        out.writeString(taskName);
        out.writeString(method);
        out.writeString(description);
        out.writeString(call);
        out.writeInt(arguments.length);
        for (byte[] argument : arguments) {
            out.writeByteArray(argument);
        }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        executor = in.readString();
        taskName = in.readString();
        method = in.readString();
        description = in.readString();
        call = in.readString();
        arguments = new byte[in.readInt()][];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = in.readByteArray();
        }
    }

    @Override
    public String toString() {
        return "@Async task '" + taskName + "' (" + description + ")";
    }
}
