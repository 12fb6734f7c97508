package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * @Async on an interface method fails deployment ("CDI takes no interceptor binding from an interface method, so it
 * would run synchronously"). @Async on an abstract method of a superclass is the same mistake (a method annotation is
 * not inherited by the implementing method, so the call runs synchronously), but Declarations.isOverridden just skips
 * the annotated method and the deployment passes.
 */
class AbstractAsyncMethodTest {

    public abstract static class Service {
        @Async(task = "work")
        public abstract CompletableFuture<String> work();
    }

    @ApplicationScoped
    public static class ServiceImpl extends Service {
        @Override
        public CompletableFuture<String> work() {
            return CompletableFuture.completedFuture(Thread.currentThread().getName());
        }
    }

    @Test
    void asyncOnAnAbstractMethodFailsDeployment() {
        try (WeldContainer container = Boot.deploy(ServiceImpl.class)) {
            String ranOn = container.select(ServiceImpl.class).get().work().join();
            fail("@Async on the abstract Service#work() deployed silently; the call ran on " + ranOn + " (the caller is "
                    + Thread.currentThread().getName() + ")");
        } catch (jakarta.enterprise.inject.spi.DeploymentException | jakarta.enterprise.inject.spi.DefinitionException e) {
            // expected
        }
    }
}
