package dev.cdiasync.hazelcast;

import java.io.IOException;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;

/** What a body's task returns to the caller: its value or its failure, still serialized (see {@link Payloads}). */
final class Outcome implements DataSerializable {

    private boolean failed;
    private byte[] payload;

    /** For Hazelcast's deserialization. */
    public Outcome() {
    }

    Outcome(boolean failed, byte[] payload) {
        this.failed = failed;
        this.payload = payload;
    }

    boolean failed() {
        return failed;
    }

    byte[] payload() {
        return payload;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeBoolean(failed);
        out.writeByteArray(payload);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        failed = in.readBoolean();
        payload = in.readByteArray();
    }
}
