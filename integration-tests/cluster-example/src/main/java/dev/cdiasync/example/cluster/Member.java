package dev.cdiasync.example.cluster;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import com.hazelcast.core.HazelcastInstance;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

/**
 * A member: the same application in Weld SE, whose Hazelcast instance joins the example's cluster and
 * runs the bodies sent to it. It stops when its standard input ends or its parent process exits, and
 * halts if stopping takes more than 20 s.
 */
public final class Member {

    private Member() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // end of input is the signal
                }
            } catch (IOException e) {
                // as the end
            }
            stop.countDown();
        }, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(stop::countDown));

        SeContainer container = SeContainerInitializer.newInstance().initialize();
        System.out.println("member ready: " + container.select(HazelcastInstance.class).get().getCluster()
                .getLocalMember());
        stop.await();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(20_000);
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                // stopped in time
            }
        }, "halt");
        halt.setDaemon(true);
        halt.start();
        container.close(); // drains, then disposes of the Hazelcast instance
        System.exit(0);
    }
}
