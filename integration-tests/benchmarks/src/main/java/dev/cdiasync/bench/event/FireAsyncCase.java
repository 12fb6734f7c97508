package dev.cdiasync.bench.event;

import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiConsumer;

import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import dev.cdiasync.bench.BenchPool;
import dev.cdiasync.bench.Containers;
import dev.cdiasync.bench.WhenCompleteCase;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;

/**
 * CDI's own asynchronous call: {@code Event.fireAsync} on the 2-thread pool with one
 * {@code @ObservesAsync} observer as the body and {@code whenComplete} on the returned stage as the
 * done-callback.
 */
@State(Scope.Benchmark)
public class FireAsyncCase extends WhenCompleteCase {

    private WeldContainer container;
    private Event<Payload> event;
    private NotificationOptions options;
    private ThreadPoolExecutor pool;
    private final BiConsumer<Payload, Throwable> payloadCallback = (payload, failure) -> arrive(payload.value);

    @Override
    @Setup(Level.Trial)
    public void setUp() {
        container = Containers.weld("fire-async")
                .addBeanClasses(BenchPool.class, PayloadObserver.class)
                .initialize();
        event = container.getBeanManager().getEvent().select(Payload.class);
        pool = container.select(BenchPool.class).get().get();
        options = NotificationOptions.ofExecutor(pool);
    }

    @Override
    @TearDown(Level.Trial)
    public void tearDown() {
        container.close();
    }

    @Override
    protected void submit() {
        event.fireAsync(new Payload(), options).whenComplete(payloadCallback);
    }

    @Override
    public ThreadPoolExecutor pool() {
        return pool;
    }
}
