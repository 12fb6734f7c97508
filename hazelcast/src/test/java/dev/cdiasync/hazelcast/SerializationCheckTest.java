package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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
import com.hazelcast.map.IMap;

import dev.cdiasync.hazelcast.it.TestConfig;
import dev.cdiasync.hazelcast.it.Types;

/**
 * The deployment check against Hazelcast itself: for each type, the check accepts it exactly when a
 * value of it survives a round trip through a real member's serialization (an IMap put and get),
 * with the same config (which registers a Compact serializer for {@link Types.Money}).
 */
class SerializationCheckTest {

    private static HazelcastInstance alone;
    private static final AtomicInteger KEYS = new AtomicInteger();

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

    static Stream<Arguments> types() throws Exception {
        return Stream.of(
                ok(String.class, "text"),
                ok(int.class, 7),
                ok(long[].class, new long[] {1, 2}),
                ok(UUID.class, UUID.randomUUID()),
                ok(BigInteger.class, BigInteger.TEN),
                ok(LocalDate.class, LocalDate.of(2026, 12, 2)),
                ok(Types.Colour.class, Types.Colour.RED),
                ok(type("optionalOfString"), Optional.of("x")),
                ok(type("listOfString"), new ArrayList<>(List.of("a", "b"))),
                ok(type("listOfPoints"), new ArrayList<>(List.of(new Types.Point(1, 2)))),
                ok(type("mapOfPoints"), new java.util.HashMap<>(Map.of("a", new Types.Point(1, 2)))),
                ok(Object.class, "anything"),
                ok(Types.Shape.class, new Types.Point(3, 4)),
                ok(Types.Point.class, new Types.Point(1, 2)),
                ok(Types.Drawing.class, Types.Drawing.sample()),
                ok(Types.Plain.class, Types.Plain.sample()),
                ok(Types.Ser.class, Types.Ser.sample()),
                ok(Types.SerRecord.class, new Types.SerRecord("s", List.of("a"))),
                ok(Types.Money.class, new Types.Money(12, "EUR")),
                ok(Types.Priced.class, new Types.Priced("tea", new Types.Money(3, "EUR"))),
                ok(Types.SelfWriting.class, Types.SelfWriting.sample()),
                ok(Types.NoDefaultConstructor.class, new Types.NoDefaultConstructor("x")),
                ok(String[].class, new String[] {"a", "b"}),
                ok(Object[].class, new Object[] {"a", 1, new Types.Point(1, 2)}),
                ok(Integer[].class, new Integer[] {1, 2}),
                ok(Types.Colour[].class, new Types.Colour[] {Types.Colour.RED}),
                ok(Types.Ser[].class, new Types.Ser[] {Types.Ser.sample()}),
                ok(Types.Token.class, new Types.Token("t")),
                ok(Types.SizedOverProtected.class, new Types.SizedOverProtected()),
                ok(Types.ExternalPrivate.class, Types.ExternalPrivate.sample()),
                problem(Thread.class, new Thread(), "java.lang.Thread is a JDK class that is not Serializable"),
                problem(Types.HoldsThread.class, new Types.HoldsThread(new Thread()), "component 'thread'"),
                problem(Types.HoldsUuid.class, new Types.HoldsUuid(UUID.randomUUID()), "java.util.UUID is not among"),
                problem(Types.HoldsObject.class, new Types.HoldsObject("x"), "component 'value'"),
                problem(Types.HoldsSer.class, new Types.HoldsSer(Types.Ser.sample()), "serialized another way"),
                problem(Types.HoldsMatrix.class, new Types.HoldsMatrix(new int[][] {{1}}), "arrays of arrays"),
                problem(Types.SerHoldsRecord.class, Types.SerHoldsRecord.sample(), "field 'point'"),
                problem(Types.SerHoldsListOfRecords.class, Types.SerHoldsListOfRecords.sample(), "field 'points'"),
                problem(type("listOfThreads"), new ArrayList<>(List.of(new Thread())), "an element of"),
                problem(type("optionalOfThread"), Optional.of(new Thread()), "an element of"),
                problem(Types.Point[].class, new Types.Point[] {new Types.Point(1, 2)}, "by Java serialization"),
                problem(Types.Money[].class, new Types.Money[] {new Types.Money(1, "EUR")}, "by Java serialization"),
                problem(Types.Signed.class, new Types.Signed("x", new Types.Token("t")), "serialized another way"),
                problem(Types.Sized.class, new Types.Sized(), "has no constructor without parameters"),
                problem(Types.ExternalNoDefault.class, new Types.ExternalNoDefault("x"), "is Externalizable"),
                problem(Types.SerHoldsExternalPrivate.class, Types.SerHoldsExternalPrivate.sample(),
                        "needs a public constructor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void theCheckAgreesWithHazelcast(Type type, Object sample, String expectedProblem) {
        String problem = new SerializationCheck(alone.getConfig().getSerializationConfig()).problem(type);
        boolean travels = travels(sample);
        if (expectedProblem == null) {
            assertNull(problem, () -> type + " was refused: " + problem);
            assertTrue(travels, () -> "Hazelcast could not serialize a " + type + ": the test's sample is wrong");
        } else {
            assertNotNull(problem, () -> type + " was accepted");
            assertTrue(problem.contains(expectedProblem), problem);
            assertEquals(false, travels, () -> "Hazelcast serialized a " + type + " that the check refuses: " + problem);
        }
    }

    private static boolean travels(Object sample) {
        IMap<Integer, Object> map = alone.getMap("samples");
        int key = KEYS.incrementAndGet();
        try {
            map.put(key, sample);
            Object back = map.get(key);
            return back != null && back.getClass() == sample.getClass();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Arguments ok(Type type, Object sample) {
        return Arguments.of(type, sample, null);
    }

    private static Arguments problem(Type type, Object sample, String message) {
        return Arguments.of(type, sample, message);
    }

    private static Type type(String method) throws NoSuchMethodException {
        return Types.class.getDeclaredMethod(method).getGenericReturnType();
    }
}
