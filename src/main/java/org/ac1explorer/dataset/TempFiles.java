package org.ac1explorer.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files and folders this process writes beside an output (an export's
 * {@code .<name>.<digits>.part}, the demo's staging folder): a JVM shutdown hook removes those
 * still registered, so SIGINT or SIGTERM leaves no debris; after a kill -9, the next run removes
 * the ones older than {@link #STALE_AGE} by their name pattern and names the younger ones.
 */
public final class TempFiles {
    /** A temp file older than this cannot belong to a running export (they are written in one go). */
    public static final Duration STALE_AGE = Duration.ofMinutes(10);

    private static final Set<Path> OWN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::removeAllOwn, "remove-temp-files"));
    }

    private TempFiles() {
    }

    /**
     * Creates {@code .<targetName>.<digits>.part} in {@code dir}, removed at exit unless
     * {@link #release}d. The file gets the user's default permissions (umask), as the renamed
     * output should: {@code Files.createTempFile} would make it private (0600).
     */
    public static Path createBeside(Path dir, String targetName) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + targetName + "." + Long.toUnsignedString(RANDOM.nextLong()) + ".part");
            try {
                Files.createFile(tmp);
                OWN.add(tmp);
                return tmp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** Renames a finished temp file over {@code target} (atomically where the file system can). */
    public static void moveReplacing(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Registers a file or folder this process made, to be removed at exit unless {@link #release}d. */
    public static void own(Path path) {
        OWN.add(path);
    }

    /** Forgets {@code path}: it was renamed into place or deleted. */
    public static void release(Path path) {
        OWN.remove(path);
    }

    /** Whether {@code fileName} is one of the temp names {@link #createBeside} gives for {@code targetName}. */
    static boolean isTempNameOf(String fileName, String targetName) {
        return Pattern.matches("\\." + Pattern.quote(targetName) + "\\.\\d+\\.part", fileName);
    }

    /** What a look for leftovers found: the stale temp files removed, and the recent ones left alone. */
    public record Leftovers(List<Path> removed, List<Path> recent) {
        /** One line per leftover, for the user (empty when there was none). */
        public List<String> notes() {
            List<String> out = new ArrayList<>();
            for (Path p : removed) {
                out.add("removed " + p + ", left by an export that was killed");
            }
            for (Path p : recent) {
                out.add(p + " may belong to an export still running; if none is, delete it");
            }
            return out;
        }
    }

    /** Removes the stale temp files of earlier exports to {@code target}; recent ones are listed, not touched. */
    public static Leftovers clearStale(Path target, Instant now) {
        List<Path> removed = new ArrayList<>();
        List<Path> recent = new ArrayList<>();
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        if (dir == null || !Files.isDirectory(dir)) {
            return new Leftovers(removed, recent);
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> isTempNameOf(p.getFileName().toString(), name))) {
            for (Path p : ds) {
                if (OWN.contains(p) || !Files.isRegularFile(p)) {
                    continue;
                }
                if (isStale(p, now)) {
                    Files.deleteIfExists(p);
                    removed.add(p);
                } else {
                    recent.add(p);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the folder cannot be listed: the write check that follows names the folder
        }
        return new Leftovers(removed, recent);
    }

    /** Whether the newest modification time of {@code p} (a file, or a folder tree) is older than {@link #STALE_AGE}. */
    public static boolean isStale(Path p, Instant now) throws IOException {
        FileTime newest = Files.getLastModifiedTime(p);
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : (Iterable<Path>) s::iterator) {
                    FileTime t = Files.getLastModifiedTime(q);
                    newest = t.compareTo(newest) > 0 ? t : newest;
                }
            }
        }
        return newest.toInstant().plus(STALE_AGE).isBefore(now);
    }

    /** Deletes a file or folder tree, deepest first; best effort (a writer may still be adding files). */
    public static void deleteTree(Path root) {
        for (int pass = 0; pass < 3 && Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS); pass++) {
            try (Stream<Path> s = Files.walk(root)) {
                for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // another pass picks up what a writer added meanwhile
            }
        }
    }

    private static void removeAllOwn() {
        for (Path p : OWN) {
            deleteTree(p);
        }
    }
}
