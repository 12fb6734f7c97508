package dev.cdiasync.hazelcast;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.spi.impl.SerializationServiceSupport;

/**
 * Arguments, values and failures travel as bytes made by the instance's own serialization (with the
 * Compact schemas inside, so that a member that never saw a type can read it). Hazelcast then moves
 * only byte arrays, and reads nothing of the application's on its I/O, operation and response
 * threads: arguments are read on the member's executor thread that runs the body, values and
 * failures on the caller's delivery thread.
 *
 * <p>Hazelcast has no public API for its serialization service; this class is the one place that
 * reaches it ({@link SerializationServiceSupport}, {@link Data}, {@link HeapData}, stable since 4.0).
 */
final class Payloads {

    private final SerializationService serialization;

    private Payloads(SerializationService serialization) {
        this.serialization = serialization;
    }

    /** The serialization of a member instance, also behind a CDI client proxy (found then by its name). */
    static Payloads of(HazelcastInstance hazelcast) {
        HazelcastInstance instance = hazelcast instanceof SerializationServiceSupport ? hazelcast
                : Hazelcast.getHazelcastInstanceByName(hazelcast.getName());
        if (!(instance instanceof SerializationServiceSupport support)) {
            throw new IllegalArgumentException("A cluster executor needs a running Hazelcast member instance (from"
                    + " Hazelcast.newHazelcastInstance); " + hazelcast.getName() + " is not one");
        }
        return new Payloads(support.getSerializationService());
    }

    byte[] write(Object value) {
        Data data = serialization.toDataWithSchema(value);
        return data == null ? null : data.toByteArray();
    }

    Object read(byte[] bytes) {
        return bytes == null ? null : serialization.toObject(new HeapData(bytes));
    }
}
