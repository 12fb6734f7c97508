package dev.cdiasync.it.quarkus.cost;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/** The one done-callback of task "cost": counts a round's calls down. */
@ApplicationScoped
public class CostCallback {

    private volatile CountDownLatch round = new CountDownLatch(0);

    /** Starts a round of {@code calls} calls and returns the latch their callbacks count down. */
    public CountDownLatch startRound(int calls) {
        CountDownLatch latch = new CountDownLatch(calls);
        round = latch;
        return latch;
    }

    @OnDone(task = "cost")
    void done(Future<Integer> future) {
        round.countDown();
    }
}
