package org.ac1explorer.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zips of fixture folders the way the CRCNS release packs them. */
final class ZipFixtures {
    private ZipFixtures() {
    }

    /** Zips the content of {@code folder} with entry names prefixed by {@code prefix} (e.g. "" or "top/"). */
    static Path zip(Path folder, Path zipFile, String prefix) throws IOException {
        try (OutputStream os = Files.newOutputStream(zipFile); ZipOutputStream z = new ZipOutputStream(os);
             Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    z.putNextEntry(new ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, z);
                    z.closeEntry();
                }
            }
        }
        return zipFile;
    }

    /** The ac1-mini fixture as the three release zips in {@code dir}. */
    static Path zippedMini(Path mini, Path dir) throws IOException {
        zip(mini.resolve("crcns-ac1"), dir.resolve("crcns-ac1.zip"), "");
        zip(mini.resolve("crcns-ac1-asari-results-1"), dir.resolve("crcns-ac1-asari-results-1.zip"), "");
        zip(mini.resolve("crcns-ac1-asari-results-2"), dir.resolve("crcns-ac1-asari-results-2.zip"), "extra/");
        return dir;
    }
}
