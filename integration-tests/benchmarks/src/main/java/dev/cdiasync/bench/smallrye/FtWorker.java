package dev.cdiasync.bench.smallrye;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.faulttolerance.Asynchronous;

import dev.cdiasync.bench.Case;
import jakarta.enterprise.context.ApplicationScoped;

/** MicroProfile Fault Tolerance's {@code @Asynchronous} method, as SmallRye implements it. */
@ApplicationScoped
public class FtWorker {

    @Asynchronous
    public CompletionStage<Integer> work() {
        return CompletableFuture.completedFuture(Case.VALUE);
    }
}
