package dev.cdiasync.it.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldJunit5Extension;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import dev.cdiasync.impl.AsyncExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ExtendWith(WeldJunit5Extension.class)
class SmokeTest {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();
    static final CountDownLatch DONE = new CountDownLatch(2);

    @ApplicationScoped
    public static class Worker {
        @Async("work")
        public CompletableFuture<String> work() {
            EVENTS.add("body on " + Thread.currentThread().getName());
            return CompletableFuture.completedFuture("done");
        }
    }

    @ApplicationScoped
    public static class Base {
        @OnDone(task = "work") @Priority(20)
        void second(AsyncFuture<String> f) { EVENTS.add("second " + f.join()); DONE.countDown(); throw new IllegalStateException("boom"); }
    }

    @ApplicationScoped
    public static class Reporter extends Object {
        @OnDone(task = "work") @Priority(10)
        void first(java.util.concurrent.Future<?> f) { EVENTS.add("first"); DONE.countDown(); }
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld().addBeanClasses(Worker.class, Base.class, Reporter.class).addExtension(new AsyncExtension())).build();

    @Inject Worker worker;

    @Test
    void smoke() throws Exception {
        AsyncFuture<String> f = (AsyncFuture<String>) worker.work();
        assertEquals("done", f.get(5, TimeUnit.SECONDS));
        DONE.await(5, TimeUnit.SECONDS);
        Thread.sleep(100);
        System.out.println(EVENTS);
        assertEquals(3, EVENTS.size(), EVENTS.toString());
    }
}
