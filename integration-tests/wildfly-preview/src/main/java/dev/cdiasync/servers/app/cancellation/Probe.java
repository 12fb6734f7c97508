package dev.cdiasync.servers.app.cancellation;

import java.util.concurrent.CountDownLatch;

/** What a cancellable body did: passed as its argument, read by the scenario. */
public final class Probe {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch finished = new CountDownLatch(1);
    volatile boolean ran;
    volatile boolean interrupted;
    volatile boolean released;
}
