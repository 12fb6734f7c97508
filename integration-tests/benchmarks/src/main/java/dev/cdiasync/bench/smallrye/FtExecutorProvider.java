package dev.cdiasync.bench.smallrye;

import java.util.concurrent.ExecutorService;

import dev.cdiasync.bench.BenchPool;
import io.smallrye.faulttolerance.AsyncExecutorProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * Replaces SmallRye Fault Tolerance's own pool (at least 5 threads, a synchronous hand-off queue)
 * with the 2-thread pool, the way its integrators do: a globally selected alternative.
 */
@Alternative
@Priority(1)
@Dependent
public class FtExecutorProvider implements AsyncExecutorProvider {

    private final BenchPool pool;

    @Inject
    public FtExecutorProvider(BenchPool pool) {
        this.pool = pool;
    }

    @Override
    public ExecutorService get() {
        return pool.get();
    }
}
