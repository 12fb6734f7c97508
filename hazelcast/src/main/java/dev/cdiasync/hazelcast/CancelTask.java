package dev.cdiasync.hazelcast;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * Cancels one call on the member its body was sent to, or forgets one whose task the member's
 * executor refused (see {@link MemberCalls}). Sent on the
 * module's own {@code IExecutorService} ({@link ClusterExecutor#CONTROL_EXECUTOR}), so that it never
 * waits behind the bodies queued on the application's.
 */
final class CancelTask implements Callable<String>, DataSerializable, HazelcastInstanceAware {

    private String call;
    private boolean forget;
    private transient HazelcastInstance member;

    /** For Hazelcast's deserialization. */
    public CancelTask() {
    }

    CancelTask(String call, boolean forget) {
        this.call = call;
        this.forget = forget;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    public String call() {
        MemberCalls calls = MemberCalls.of(member);
        if (forget) {
            calls.forget(call);
            return "forgotten";
        }
        return calls.cancel(call);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(call);
        out.writeBoolean(forget);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        call = in.readString();
        forget = in.readBoolean();
    }
}
