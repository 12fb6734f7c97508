package dev.cdiasync.hazelcast.it;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import com.hazelcast.core.HazelcastInstance;

/**
 * A member of the test cluster, in a JVM of its own: Weld SE with the test application, whose
 * Hazelcast instance joins the cluster named by the system property {@code test.cluster}.
 *
 * <p>It never outlives the test JVM that started it: it stops when its standard input ends (the
 * test closes it, or the test JVM dies and the pipe closes) or when its parent process exits,
 * closing the container (which shuts the instance down), and halts if that takes more than 20 s.
 */
public final class MemberMain {

    private MemberMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        watch(stop);
        WeldContainer container = new Weld("member-" + App.PID).disableDiscovery()
                .addBeanClasses(App.CLASSES).addBeanClasses(App.MemberInstance.class)
                .addInterceptor(App.Tracer.class).initialize();
        HazelcastInstance hz = container.select(HazelcastInstance.class).get();
        System.out.println("member ready: pid " + App.PID + ", " + hz.getCluster().getLocalMember());
        stop.await();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println("member " + App.PID + " did not stop within 20 s: halting");
            Runtime.getRuntime().halt(3);
        }, "halt");
        halt.setDaemon(true);
        halt.start();
        System.out.println("member stopping: pid " + App.PID);
        container.shutdown();
        System.exit(0);
    }

    private static void watch(CountDownLatch stop) {
        Thread stdin = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; end of input is the signal
                }
            } catch (IOException e) {
                // as the end
            }
            stop.countDown();
        }, "stdin-watch");
        stdin.setDaemon(true);
        stdin.start();
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(stop::countDown));
    }
}
