package dev.cdiasync.it.leaks;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.cdiasync.Async;
import dev.cdiasync.it.support.Containers;
import jakarta.enterprise.context.ApplicationScoped;

import jakarta.enterprise.inject.se.SeContainer;

/**
 * Proves that cleaning the default executor's threads between calls keeps the JDK's own per-thread caches of
 * native memory: a body that writes a heap buffer to a channel goes through NIO's cached temporary direct buffer,
 * and the next call on the same thread reuses it instead of allocating a new one (which only the garbage collector
 * would free: with -XX:+DisableExplicitGC, an OutOfMemoryError of direct memory).
 */
class DirectBufferCacheTest {

    static final int CALLS = 300;
    static final int SIZE = 64 * 1024;

    @ApplicationScoped
    public static class Writer {
        @Async(task = "write")
        public CompletableFuture<Integer> write(Path file) throws IOException {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                return CompletableFuture.completedFuture(channel.write(ByteBuffer.allocate(SIZE)));
            }
        }
    }

    @Test
    void callsOnTheSameThreadShareTheJdksTemporaryDirectBuffer(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("out.bin"));
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct")).findFirst().orElseThrow();
        try (SeContainer container = Containers.boot(Map.of("dev.cdiasync.threads", "1"), Writer.class)) {
            Writer writer = container.select(Writer.class).get();
            writer.write(file).get(30, SECONDS);
            long before = direct.getCount();
            long most = before;
            for (int i = 0; i < CALLS; i++) {
                writer.write(file).get(30, SECONDS);
                most = Math.max(most, direct.getCount());
            }
            assertTrue(most - before < CALLS / 10, "direct buffers grew from " + before + " to " + most + " in "
                    + CALLS + " calls: each call allocated its own instead of the thread's cached one");
        }
    }
}
