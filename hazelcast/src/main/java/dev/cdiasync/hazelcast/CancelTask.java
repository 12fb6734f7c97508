package dev.cdiasync.hazelcast;

import java.io.IOException;
import java.util.concurrent.Callable;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/**
 * Cancels one call on the member its body was sent to (see {@link MemberCalls}). Sent on the
 * module's own {@code IExecutorService} ({@link ClusterExecutor#CONTROL_EXECUTOR}), so that it never
 * waits behind the bodies queued on the application's.
 */
final class CancelTask implements Callable<String>, DataSerializable, HazelcastInstanceAware {

    private String call;
    private transient HazelcastInstance member;

    /** For Hazelcast's deserialization. */
    public CancelTask() {
    }

    CancelTask(String call) {
        this.call = call;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    public String call() {
        return MemberCalls.of(member).cancel(call);
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeString(call);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        call = in.readString();
    }
}
