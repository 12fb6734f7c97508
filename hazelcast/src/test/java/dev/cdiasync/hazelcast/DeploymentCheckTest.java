package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

import dev.cdiasync.hazelcast.it.TestConfig;
import dev.cdiasync.hazelcast.it.Types;
import dev.cdiasync.spi.RemoteMethod;

/**
 * Guards that the deployment check (ClusterExecutor.check) refuses what the module's own sending (Payloads) cannot
 * send: typed arrays, Compact nesting a custom-serialized type, a Serializable class Java serialization cannot create.
 */
class DeploymentCheckTest {

    public static class Methods {
        public void points(Types.Point... points) {
        }

        public void prices(Types.Money[] prices) {
        }

        public void signed(Types.Signed signed) {
        }

        public void sized(Types.Sized sized) {
        }
    }

    private static HazelcastInstance alone;

    @BeforeAll
    static void start() {
        Config config = TestConfig.standalone();
        config.getSerializationConfig().addSerializerConfig(new SerializerConfig().setTypeClass(Types.Token.class)
                .setImplementation(new Types.TokenSerializer()));
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
                Arguments.of("signed", new Types.Signed("x", new Types.Token("t"))),
                Arguments.of("sized", new Types.Sized()));
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
