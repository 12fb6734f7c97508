package dev.cdiasync.it.review;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;

import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import dev.cdiasync.Async;
import dev.cdiasync.OnDone;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * DESIGN 6: a callback "whose type argument the task's result type cannot be assigned to" fails deployment
 * ("Future<Integer> for a String task is not" accepted). The task "load" is declared in Loader<T> and its only bean
 * binds T to String, so its result type is String; Types.isAssignable gives up on the type variable ("only known per
 * bean, so not held against it") although Declarations knows the bean class, and the Future<Integer> callback deploys:
 * it gets a String at run time.
 */
class ResultTypeVariableTest {

    public abstract static class Loader<T> {
        abstract T value();

        @Async(task = "load")
        public CompletionStage<T> load() {
            return CompletableFuture.completedFuture(value());
        }
    }

    @ApplicationScoped
    public static class GreetingLoader extends Loader<String> {
        @Override
        String value() {
            return "hello";
        }
    }

    @ApplicationScoped
    public static class Reporter {
        @OnDone(task = "load")
        void loaded(Future<Integer> future) {
        }
    }

    @Test
    void aCallbackOfTheWrongTypeForABoundTypeVariableFailsDeployment() {
        try (WeldContainer container = Boot.deploy(GreetingLoader.class, Reporter.class)) {
            fail("Future<Integer> deployed as a callback of task 'load', whose only method returns CompletionStage<String>"
                    + " on its bean GreetingLoader (Loader<T> with T = String)");
        } catch (jakarta.enterprise.inject.spi.DeploymentException | jakarta.enterprise.inject.spi.DefinitionException e) {
            // expected
        }
    }
}
