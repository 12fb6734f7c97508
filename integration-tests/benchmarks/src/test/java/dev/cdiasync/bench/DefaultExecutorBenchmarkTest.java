package dev.cdiasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.cdiasync.bench.executor.DefaultExecutorBenchmark;

/** Proves the executor benchmark measures what it names: both executors run every task, and the library's is its own. */
class DefaultExecutorBenchmarkTest {

    @Test
    void bothExecutorsRunEveryTaskOfABatch() throws Exception {
        DefaultExecutorBenchmark benchmark = new DefaultExecutorBenchmark();
        DefaultExecutorBenchmark.JdkPool jdk = new DefaultExecutorBenchmark.JdkPool();
        DefaultExecutorBenchmark.LibraryDefault library = new DefaultExecutorBenchmark.LibraryDefault();
        jdk.setUp();
        library.setUp();
        try {
            assertNull(System.getProperty("dev.cdiasync.threads"), "property left set");
            assertNotSame(jdk.executor, library.executor);
            for (String kind : new String[] {"empty", "threadLocal"}) {
                DefaultExecutorBenchmark.Body body = new DefaultExecutorBenchmark.Body();
                body.body = kind;
                assertEquals(0, benchmark.jdkFixedPool(jdk, body));
                assertEquals(0, benchmark.cdiAsyncDefault(library, body));
            }
            CountDownLatch named = new CountDownLatch(1);
            String[] thread = new String[1];
            library.executor.execute(() -> {
                thread[0] = Thread.currentThread().getName();
                named.countDown();
            });
            assertEquals(true, named.await(30, TimeUnit.SECONDS));
            assertEquals(true, thread[0].startsWith("cdi-async-"), "the library's default executor: " + thread[0]);
        } finally {
            library.tearDown();
            jdk.tearDown();
        }
    }
}
