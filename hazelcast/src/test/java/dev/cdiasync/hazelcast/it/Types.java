package dev.cdiasync.hazelcast.it;

import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectInputStream;
import java.io.ObjectOutput;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Types that travel, or do not, between members: arguments and results of the test application. */
public final class Types {

    private Types() {
    }

    public enum Colour { RED, GREEN }

    public interface Shape {
    }

    /** Zero-config Compact: a record of supported types. */
    public record Point(int x, int y) implements Shape {
    }

    /** Zero-config Compact with nested records, arrays, lists and maps of them. */
    public record Drawing(String name, Colour colour, Point origin, Point[] corners, List<Point> path,
            Map<String, Point> labels) {
        public static Drawing sample() {
            return new Drawing("d", Colour.GREEN, new Point(0, 0), new Point[] {new Point(1, 1)},
                    new ArrayList<>(List.of(new Point(2, 2))), new java.util.HashMap<>(Map.of("a", new Point(3, 3))));
        }
    }

    /** Zero-config Compact: a plain class with a constructor without parameters. */
    public static class Plain {
        String name;
        int count;

        public static Plain sample() {
            Plain plain = new Plain();
            plain.name = "p";
            plain.count = 2;
            return plain;
        }
    }

    /** Java serialization. */
    public static class Ser implements Serializable {
        private static final long serialVersionUID = 1L;
        String name;
        List<String> tags;

        public static Ser sample() {
            Ser ser = new Ser();
            ser.name = "s";
            ser.tags = new ArrayList<>(List.of("t"));
            return ser;
        }

        public String name() {
            return name;
        }
    }

    public record SerRecord(String name, List<String> tags) implements Serializable {
    }

    /** Not Compact-able alone (no constructor without parameters): a Compact serializer is registered. */
    public static final class Money {
        private final long cents;
        private final String currency;

        public Money(long cents, String currency) {
            this.cents = cents;
            this.currency = currency;
        }

        public long cents() {
            return cents;
        }

        public String currency() {
            return currency;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && m.cents == cents && m.currency.equals(currency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cents, currency);
        }

        @Override
        public String toString() {
            return cents + " " + currency;
        }
    }

    public static final class MoneySerializer implements CompactSerializer<Money> {
        @Override
        public Money read(CompactReader reader) {
            return new Money(reader.readInt64("cents"), reader.readString("currency"));
        }

        @Override
        public void write(CompactWriter writer, Money money) {
            writer.writeInt64("cents", money.cents);
            writer.writeString("currency", money.currency);
        }

        @Override
        public String getTypeName() {
            return "money";
        }

        @Override
        public Class<Money> getCompactClass() {
            return Money.class;
        }
    }

    /** Zero-config Compact with a field of a registered Compact type. */
    public record Priced(String item, Money price) {
    }

    /** Java serialization of its own choosing: the Thread field is never written. */
    public static class SelfWriting implements Serializable {
        private static final long serialVersionUID = 1L;
        String name;
        Thread owner;

        public static SelfWriting sample() {
            SelfWriting value = new SelfWriting();
            value.name = "w";
            value.owner = Thread.currentThread();
            return value;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.writeUTF(name);
        }

        private void readObject(ObjectInputStream in) throws IOException {
            name = in.readUTF();
        }
    }

    /**
     * A result that records, in the process that deserializes it, the thread that does: results must be
     * read on the caller's own threads, never on Hazelcast's.
     */
    public static class Sniffer implements Serializable {
        private static final long serialVersionUID = 1L;
        public static final List<String> READ_ON = new java.util.concurrent.CopyOnWriteArrayList<>();
        String label;
        transient String readOn;

        public Sniffer(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** @return the thread that deserialized this copy */
        public String readOn() {
            return readOn;
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            readOn = Thread.currentThread().getName();
            READ_ON.add(readOn);
        }
    }

    /** An exception of the application's, with a field, thrown by a body on a member. */
    public static class ReportException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;

        public ReportException(String message, int code) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    // What cannot travel (but NoDefaultConstructor can).

    public record HoldsThread(Thread thread) {
    }

    public record HoldsUuid(UUID id) {
    }

    public record HoldsObject(Object value) {
    }

    public record HoldsSer(Ser ser) {
    }

    public record HoldsMatrix(int[][] cells) {
    }

    /** Zero-config Compact creates it without calling a constructor. */
    public static class NoDefaultConstructor {
        final String name;

        public NoDefaultConstructor(String name) {
            this.name = name;
        }
    }

    public static class SerHoldsRecord implements Serializable {
        private static final long serialVersionUID = 1L;
        Point point;

        public static SerHoldsRecord sample() {
            SerHoldsRecord value = new SerHoldsRecord();
            value.point = new Point(1, 2);
            return value;
        }
    }

    public static class SerHoldsListOfRecords implements Serializable {
        private static final long serialVersionUID = 1L;
        List<Point> points;

        public static SerHoldsListOfRecords sample() {
            SerHoldsListOfRecords value = new SerHoldsListOfRecords();
            value.points = new ArrayList<>(List.of(new Point(1, 2)));
            return value;
        }
    }

    /** A type with a custom (not Compact) serializer, registered by the tests that use it. */
    public static final class Token {
        final String value;

        public Token(String value) {
            this.value = value;
        }
    }

    public static final class TokenSerializer implements StreamSerializer<Token> {
        @Override
        public int getTypeId() {
            return 4711;
        }

        @Override
        public void write(ObjectDataOutput out, Token token) throws IOException {
            out.writeString(token.value);
        }

        @Override
        public Token read(ObjectDataInput in) throws IOException {
            return new Token(in.readString());
        }
    }

    /** Zero-config Compact with a component of a custom-serialized type: Compact does not nest it. */
    public record Signed(String text, Token token) {
    }

    /** Not Serializable, with no constructor without parameters. */
    public static class Base {
        final int size;

        Base(int size) {
            this.size = size;
        }
    }

    /** Serializable, but Java serialization cannot create it: Base has no constructor without parameters. */
    public static class Sized extends Base implements Serializable {
        private static final long serialVersionUID = 1L;
        String name = "s";

        public Sized() {
            super(1);
        }
    }

    /** Not Serializable, with a protected constructor without parameters. */
    public static class ProtectedBase {
        int size;

        protected ProtectedBase() {
        }
    }

    /** Serializable over a superclass Java serialization can create it through. */
    public static class SizedOverProtected extends ProtectedBase implements Serializable {
        private static final long serialVersionUID = 1L;
        String name = "s";
    }

    /** Externalizable with a private constructor without parameters (Hazelcast's own reading makes it accessible). */
    public static final class ExternalPrivate implements Externalizable {
        String name;

        private ExternalPrivate() {
        }

        public static ExternalPrivate sample() {
            ExternalPrivate value = new ExternalPrivate();
            value.name = "e";
            return value;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeUTF(name);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            name = in.readUTF();
        }
    }

    /** Externalizable with no constructor without parameters: nothing can read it back. */
    public static final class ExternalNoDefault implements Externalizable {
        String name;

        public ExternalNoDefault(String name) {
            this.name = name;
        }

        @Override
        public void writeExternal(ObjectOutput out) throws IOException {
            out.writeUTF(name);
        }

        @Override
        public void readExternal(ObjectInput in) throws IOException {
            name = in.readUTF();
        }
    }

    /** Java serialization of an Externalizable field, which needs a public constructor without parameters. */
    public static class SerHoldsExternalPrivate implements Serializable {
        private static final long serialVersionUID = 1L;
        ExternalPrivate external;

        public static SerHoldsExternalPrivate sample() {
            SerHoldsExternalPrivate value = new SerHoldsExternalPrivate();
            value.external = ExternalPrivate.sample();
            return value;
        }
    }

    // Generic types, read from these methods' return types.

    static Optional<String> optionalOfString() {
        return null;
    }

    static Optional<Thread> optionalOfThread() {
        return null;
    }

    static List<String> listOfString() {
        return null;
    }

    static List<Point> listOfPoints() {
        return null;
    }

    static Map<String, Point> mapOfPoints() {
        return null;
    }

    static List<Thread> listOfThreads() {
        return null;
    }
}
