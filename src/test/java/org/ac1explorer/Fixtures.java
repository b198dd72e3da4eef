package org.ac1explorer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Locates the reference fixtures inside the project ({@code src/test/resources/fixtures}, copied
 * from the team's shared fixtures; or the {@code ac1.fixtures} system property). A missing
 * fixture fails the test: the comparison is never skipped.
 */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path dir() {
        Path p = Path.of(System.getProperty("ac1.fixtures", "src/test/resources/fixtures")).toAbsolutePath().normalize();
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

    /** Zips the content of {@code folder} with entry names prefixed by {@code prefix} (e.g. "" or "top/"). */
    public static Path zip(Path folder, Path zipFile, String prefix) throws IOException {
        try (java.io.OutputStream os = Files.newOutputStream(zipFile);
             java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(os);
             Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new java.util.zip.ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, z);
                    z.closeEntry();
                }
            }
        }
        return zipFile;
    }

    /** The ac1-mini fixture as the three release zips in {@code dir} (the last with an extra top folder). */
    public static Path zippedMini(Path mini, Path dir) throws IOException {
        zip(mini.resolve("crcns-ac1"), dir.resolve("crcns-ac1.zip"), "");
        zip(mini.resolve("crcns-ac1-asari-results-1"), dir.resolve("crcns-ac1-asari-results-1.zip"), "");
        zip(mini.resolve("crcns-ac1-asari-results-2"), dir.resolve("crcns-ac1-asari-results-2.zip"), "extra/");
        return dir;
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

    /** Every path below {@code dir} with the SHA-256 of its content (folders marked). */
    public static java.util.Map<String, String> snapshot(Path dir) throws Exception {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                out.put(rel, Files.isDirectory(p) ? "dir" : java.util.HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
