package dev.cdiasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.net.URI;
import java.util.List;

import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @Async} has {@code task} and {@code executor} and no {@code value}: a Spring user's
 * {@code @Async("ioPool")}, which names the executor in Spring, must not compile here rather than
 * silently name a task.
 */
class AsyncAnnotationTest {

    @TempDir
    Path classes;

    @Test
    void springStyleValueDoesNotCompile() {
        CompileResult result = compile("@dev.cdiasync.Async(\"ioPool\") public void work() {}");

        assertFalse(result.success, result.diagnostics);
        assertTrue(result.diagnostics.contains("value"), result.diagnostics);
    }

    @Test
    void taskAndExecutorCompile() {
        CompileResult result = compile("@dev.cdiasync.Async(task = \"work\", executor = \"io\") public void work() {}");

        assertTrue(result.success, result.diagnostics);
    }

    @Test
    void attributesAreTaskAndExecutorOnly() {
        List<String> names = java.util.Arrays.stream(Async.class.getDeclaredMethods()).map(m -> m.getName()).sorted()
                .toList();
        assertEquals(List.of("executor", "task"), names);
    }

    private record CompileResult(boolean success, String diagnostics) {
    }

    private CompileResult compile(String member) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String source = "public class Probe { " + member + " }";
        SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Probe.java"),
                SimpleJavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        StringWriter out = new StringWriter();
        boolean success = compiler.getTask(out, null, null,
                List.of("-proc:none", "-d", classes.toString(), "-classpath", System.getProperty("java.class.path")),
                null, List.of(file)).call();
        return new CompileResult(success, out.toString());
    }
}
