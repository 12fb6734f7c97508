package dev.cdiasync.hazelcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import com.hazelcast.cluster.memberselector.MemberSelectors;
import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import dev.cdiasync.hazelcast.it.App;
import dev.cdiasync.hazelcast.it.TestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * docs/cluster.md: "ClusterExecutor.of(hz, name, selector) takes any MemberSelector". One deployment
 * that declares two executors over the same IExecutorService (the pool is configured per
 * IExecutorService), with different selectors, starts: both serve the same bodies of the same
 * deployment (only another deployment on the same instance is refused).
 */
class TwoExecutorsTest {

    @ApplicationScoped
    public static class SecondWiring {
        @Produces
        @AsyncExecutor("anywhere")
        Executor anywhere(HazelcastInstance hz) {
            return ClusterExecutor.of(hz, TestConfig.EXECUTOR, MemberSelectors.DATA_MEMBER_SELECTOR);
        }
    }

    @ApplicationScoped
    public static class Other {
        @Async(executor = "anywhere")
        public CompletableFuture<String> echo(String text) {
            return CompletableFuture.completedFuture("echo " + text);
        }
    }

    @Test
    void oneDeploymentWithTwoExecutorsOverOneIExecutorServiceStarts() throws Exception {
        Config config = TestConfig.standalone();
        HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
        App.CallerInstance.instance = instance;
        WeldContainer home = null;
        try {
            try {
                home = new Weld("cdi-async-test-two").disableDiscovery().addBeanClasses(App.CLASSES)
                        .addBeanClasses(App.CallerInstance.class, SecondWiring.class, Other.class)
                        .addInterceptor(App.Tracer.class).initialize();
                assertEquals("echo a", home.select(Other.class).get().echo("a").get(2, TimeUnit.MINUTES));
                assertEquals("b", home.select(App.Reports.class).get().where("b").get(2, TimeUnit.MINUTES).label());
            } catch (Exception e) {
                fail("two cluster executors over one IExecutorService in one deployment: " + e, e);
            }
        } finally {
            App.CallerInstance.instance = null;
            if (home != null && home.isRunning()) {
                home.close();
            }
            instance.shutdown();
        }
    }
}
