package dev.cdiasync.it.requestcontext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import dev.cdiasync.it.requestcontext.RequestContextTest.Listener;
import dev.cdiasync.it.requestcontext.RequestContextTest.RequestState;
import dev.cdiasync.it.requestcontext.RequestContextTest.Sequence;
import dev.cdiasync.it.requestcontext.RequestContextTest.Worker;
import dev.cdiasync.it.support.Journal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Proves the other half of semantics 5: callbacks run on a thread that already has a request context
 * (here the test's, cancelling) use that context; the library neither replaces nor ends it.
 */
@EnableWeld
class ExistingRequestContextTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
            .addBeanClasses(Sequence.class, RequestState.class, Worker.class, Listener.class, Journal.class))
            .activate(RequestScoped.class)
            .build();

    @Inject
    Worker worker;

    @Inject
    RequestState state;

    @Inject
    Journal journal;

    @Test
    void callbacksOnAThreadWithARequestContextUseIt() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Future<Integer> future = worker.job(gate);
        int mine = state.id();

        assertTrue(future.cancel(false)); // the callbacks run here, in this test's request context
        List<String> entries = journal.entries();
        gate.countDown();

        assertEquals(List.of("first callback uses #" + mine, "second callback uses #" + mine), entries,
                "the test's own instance, not destroyed by the callbacks");
    }
}
