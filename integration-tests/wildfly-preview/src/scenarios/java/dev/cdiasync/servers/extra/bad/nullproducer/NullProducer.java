package dev.cdiasync.servers.extra.bad.nullproducer;

import java.util.concurrent.Executor;

import dev.cdiasync.Async;
import dev.cdiasync.AsyncExecutor;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/** Bad: the producer of executor "mes" returns null (a @Dependent producer may, as far as CDI goes). */
@Dependent
public class NullProducer {

    @Produces
    @AsyncExecutor("mes")
    Executor mes() {
        return null;
    }

    @Async(executor = "mes")
    public void work() {
    }
}
