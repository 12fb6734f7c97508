package dev.cdiasync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README stays a ten-minute read, and every file it or a page of docs/ links to exists, so that a detail moved
 * to docs/ is never lost on the way.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");

    @Test
    void theReadmeIsUnder12000Characters() throws IOException {
        int length = Files.readString(ROOT.resolve("README.md")).length();
        assertTrue(length < 12_000, "README.md has " + length + " characters");
    }

    @Test
    void everyLinkedFileExists() throws IOException {
        TreeSet<String> missing = new TreeSet<>();
        List<Path> pages;
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            pages = Stream.concat(Stream.of(ROOT.resolve("README.md")), docs.filter(p -> p.toString().endsWith(".md")))
                    .toList();
        }
        for (Path page : pages) {
            Matcher link = LINK.matcher(Files.readString(page));
            while (link.find()) {
                if (!Files.exists(page.getParent().resolve(link.group(1)))) {
                    missing.add(ROOT.relativize(page) + " -> " + link.group(1));
                }
            }
        }
        assertEquals(List.of(), List.copyOf(missing), "links to files that do not exist");
    }
}
