package dev.cdiasync.servers.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The server under test as the build describes it (system properties set by failsafe), and the
 * HTTP client the scenarios talk to it with.
 */
public final class Server {

    /** How long a test waits for something that a correct server and library do at once. */
    public static final long TIMEOUT_SECONDS = 180;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private Server() {
    }

    public static String name() {
        return property("it.server");
    }

    /** The main test application's context root. */
    public static String app() {
        return property("it.app");
    }

    public static Path buildDir() {
        return Path.of(property("it.build-dir"));
    }

    public static Path home() {
        return Path.of(property("it.server-home"));
    }

    /** {@code http://localhost:PORT/CONTEXT/api/PATH}. */
    public static URI api(String context, String path) {
        return URI.create("http://localhost:" + property("it.http-port") + "/" + context + "/api/" + path);
    }

    /** GETs the URI and returns the body's lines; fails with the body unless the status is 200. */
    public static List<String> get(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(TIMEOUT_SECONDS)).GET().build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("GET " + uri + " answered " + response.statusCode() + ":\n" + response.body());
            }
            return response.body().lines().toList();
        } catch (IOException e) {
            throw new AssertionError("GET " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The scenario's answer, in the main application. */
    public static List<String> scenario(String path) {
        return get(api(app(), path));
    }

    /** Waits until the file exists and its lines satisfy the condition; returns them. */
    public static List<String> awaitLines(Path file, Predicate<List<String>> condition, String what)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (;;) {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (condition.test(lines)) {
                return lines;
            }
            if (System.nanoTime() > deadline) {
                fail("expected " + what + " in " + file + " within " + TIMEOUT_SECONDS + " s, got " + lines);
            }
            Thread.sleep(50);
        }
    }

    /** A fresh file under target/ for the server to write to. */
    public static Path recordFile(String name) throws IOException {
        Path file = buildDir().resolve("records").resolve(name);
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        return file;
    }

    static void assertLines(List<String> expected, List<String> actual) {
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run the tests with mvn verify");
        }
        return value;
    }
}
