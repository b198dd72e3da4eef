package org.ac1explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Locates the shared reference fixtures ({@code ../shared/fixtures}, or the {@code ac1.fixtures}
 * system property). A missing fixture fails the test: the comparison is never skipped.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        Path p = Path.of(System.getProperty("ac1.fixtures", "../shared/fixtures")).toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(p), "reference fixtures not found at " + p
                + " (set -Dac1.fixtures=DIR); the comparison cannot be skipped");
        return p;
    }

    public static Path file(String name) {
        Path p = dir().resolve(name);
        assertTrue(Files.exists(p), "fixture missing: " + p);
        return p;
    }

    /** The ac1-mini dataset folder. */
    public static Path mini() {
        return file("ac1-mini");
    }

    /** Copies a fixture folder to {@code target} (fixtures are read-only in CI). */
    public static Path copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(source)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                    t.toFile().setWritable(true);
                }
            }
        }
        return target;
    }
}
