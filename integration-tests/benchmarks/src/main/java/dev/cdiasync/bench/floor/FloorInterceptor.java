package dev.cdiasync.bench.floor;

import java.util.concurrent.CompletableFuture;

import dev.cdiasync.bench.BenchPool;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * A bare asynchronous interceptor: hands {@code proceed()} to the pool and relays the body's
 * (already completed) future into the one it returned. No task names, no callbacks registry, no
 * request context, no failure isolation, no shutdown bookkeeping: Weld's interception cost and
 * a hand-off, nothing more.
 */
@Floor
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE)
public class FloorInterceptor {

    private final BenchPool pool;

    @Inject
    public FloorInterceptor(BenchPool pool) {
        this.pool = pool;
    }

    @AroundInvoke
    Object handOff(InvocationContext invocation) {
        CompletableFuture<Object> result = new CompletableFuture<>();
        pool.get().execute(() -> {
            try {
                result.complete(((CompletableFuture<?>) invocation.proceed()).join());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }
}
