package dev.cdiasync.it.deployment;

import static dev.cdiasync.it.deployment.Deployments.assertMentions;
import static dev.cdiasync.it.deployment.Deployments.deploy;
import static dev.cdiasync.it.deployment.Deployments.method;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A future parameter whose type argument is a supertype of the task's result with other type arguments
 * (Future<Collection<Integer>> for an ArrayList<String> task) fails deployment; the same supertype with the right
 * type arguments (Future<Collection<String>>) deploys.
 */
class SupertypeResultOfWrongTypeArgumentTest {

    @ApplicationScoped
    public static class Worker {
        @Async(task = "names")
        public CompletableFuture<ArrayList<String>> names() {
            return CompletableFuture.completedFuture(new ArrayList<>(List.of("a")));
        }
    }

    @ApplicationScoped
    public static class WrongListener {
        @OnDone(task = "names")
        void counted(Future<Collection<Integer>> future) {
        }
    }

    @ApplicationScoped
    public static class RightListener {
        @OnDone(task = "names")
        void listed(Future<Collection<String>> future) {
        }
    }

    @Test
    void aSupertypeWithOtherTypeArgumentsIsRefused() {
        String problem = deploy(Worker.class, WrongListener.class).isDeploymentProblem().onlyProblem();

        assertMentions(problem, method(WrongListener.class, "counted(Future)"), "Future<Collection<Integer>>",
                "ArrayList<String>");
    }

    @Test
    void theSameSupertypeWithTheRightTypeArgumentsDeploys() {
        Weld weld = new Weld().disableDiscovery().addBeanClasses(Worker.class, RightListener.class);
        try (WeldContainer container = weld.initialize()) {
            container.select(Worker.class).get();
        }
    }
}
