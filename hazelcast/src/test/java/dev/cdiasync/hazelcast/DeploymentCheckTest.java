package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;

import dev.cdiasync.hazelcast.it.TestConfig;
import dev.cdiasync.hazelcast.it.Types;
import dev.cdiasync.spi.RemoteMethod;

/**
 * Guards that the deployment check (ClusterExecutor.check) refuses what the module's own sending (Payloads) cannot
 * send: typed arrays, Compact nesting a custom-serialized type, a Serializable class Java serialization cannot create.
 */
class DeploymentCheckTest {

    /** A type with a custom StreamSerializer registered in the config. */
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

    /** Zero-config Compact with a component of a custom-serialized type. */
    public record Signed(String text, Token token) {
    }

    /** Serializable, but its first non-serializable superclass has no constructor without parameters. */
    public static class Base {
        final int size;

        Base(int size) {
            this.size = size;
        }
    }

    public static class Sized extends Base implements Serializable {
        private static final long serialVersionUID = 1L;
        String name = "s";

        public Sized() {
            super(1);
        }
    }

    public static class Methods {
        public void points(Types.Point... points) {
        }

        public void prices(Types.Money[] prices) {
        }

        public void signed(Signed signed) {
        }

        public void sized(Sized sized) {
        }
    }

    private static HazelcastInstance alone;

    @BeforeAll
    static void start() {
        Config config = TestConfig.standalone();
        config.getSerializationConfig().addSerializerConfig(new SerializerConfig().setTypeClass(Token.class)
                .setImplementation(new TokenSerializer()));
        alone = Hazelcast.newHazelcastInstance(config);
    }

    @AfterAll
    static void stop() {
        if (alone != null) {
            alone.shutdown();
        }
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("points", new Types.Point[] {new Types.Point(1, 2)}),
                Arguments.of("prices", new Types.Money[] {new Types.Money(150, "EUR")}),
                Arguments.of("signed", new Signed("x", new Token("t"))),
                Arguments.of("sized", new Sized()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theDeploymentCheckRefusesWhatTheModuleCannotSend(String name, Object sample) throws Exception {
        Method method = null;
        for (Method m : Methods.class.getMethods()) {
            if (m.getName().equals(name)) {
                method = m;
            }
        }
        List<String> problems = new ArrayList<>();
        ClusterExecutor.of(alone, TestConfig.EXECUTOR)
                .check(new RemoteMethod(method, Methods.class, Void.class, "cluster"), problems::add);
        String real;
        try {
            Payloads payloads = Payloads.of(alone);
            Object back = payloads.read(payloads.write(sample));
            real = back != null && back.getClass() == sample.getClass() ? "travels" : "comes back as " + back;
        } catch (RuntimeException e) {
            real = "cannot travel: " + e;
        }
        assertEquals(real.equals("travels"), problems.isEmpty(), "check says " + (problems.isEmpty() ? "fine"
                : problems) + ", Hazelcast says: a " + sample.getClass().getTypeName() + " " + real);
    }
}
