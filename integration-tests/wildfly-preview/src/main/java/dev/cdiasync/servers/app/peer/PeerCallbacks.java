package dev.cdiasync.servers.app.peer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** The one @OnDone callback of each @Async call of the peer comparison: counts, and opens the round's latch. */
@ApplicationScoped
public class PeerCallbacks {

    private final LongAdder calls = new LongAdder();
    private volatile CountDownLatch round = new CountDownLatch(0);

    @OnDone(task = PeerWorker.TASK)
    void done(Future<Integer> future) {
        calls.increment();
        round.countDown();
    }

    CountDownLatch startRound(int calls) {
        CountDownLatch latch = new CountDownLatch(calls);
        round = latch;
        return latch;
    }

    long calls() {
        return calls.sum();
    }
}
