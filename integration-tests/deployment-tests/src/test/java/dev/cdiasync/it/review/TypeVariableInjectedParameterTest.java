package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncFuture;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * DESIGN 6: every bad declaration fails deployment "with a message that names the method and says what to change".
 * An inherited @OnDone method whose injected parameter is a type variable of its generic superclass (resolved by the
 * bean class, as an observer method's would be) gets an argument-lookup invoker on the unresolved variable: Weld throws
 * a raw IllegalArgumentException "WELD-001601: Cannot extract rawType from H", naming neither the method nor a fix.
 * Either deploying (resolving H = Helper for the bean) or a DeploymentException naming the method would do.
 */
class TypeVariableInjectedParameterTest {

    @ApplicationScoped
    public static class Work {
        @Async(task = "work")
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture("done");
        }
    }

    @Dependent
    public static class Helper {
    }

    public abstract static class BaseListener<H> {
        @OnDone(task = "work")
        void done(AsyncFuture<?> future, H helper) {
        }
    }

    @ApplicationScoped
    public static class Listener extends BaseListener<Helper> {
    }

    @Test
    void deploysOrNamesTheMethod() {
        try (WeldContainer container = Boot.deploy(Work.class, Helper.class, Listener.class)) {
            // deployed: fine
        } catch (DeploymentException | DefinitionException e) {
            assertTrue(String.valueOf(e.getMessage()).contains("BaseListener#done"), () -> "message: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new AssertionError("deployment failed with " + e + ", naming neither the callback nor a fix", e);
        }
    }
}
