package org.ac1explorer.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one check of where an output may be written, run before any work by the {@code export}
 * command, the explorer's export dialog and {@code demo --out}. Paths are compared as the file
 * system sees them: the deepest existing ancestor is resolved with its links (and, on file systems
 * that ignore case, its real spelling), {@code .} and {@code ..} removed; the target is refused
 * when it lies in, or is, the data folder or any archive part (folder or zip, also through a link
 * or a hard link), when it is a folder, or when it exists and is not a regular file (a device, a
 * pipe). Only then does an existing file need {@code overwrite}.
 */
public final class OutputTarget {
    private OutputTarget() {
    }

    /** A target refused before any work; the message names it and says why. */
    public static final class Refused extends IOException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A checked export target: where to write, and notes about stale temp files found beside it. */
    public record Checked(Path target, List<String> notes) {
    }

    /**
     * Checks an export file target against the folders and zips in {@code protectedSources}
     * ({@link org.ac1explorer.archive.ArchiveParts#sources()}, or the data folder alone before it is
     * opened): refuses it, or returns it absolute. Also removes stale temp files of earlier killed
     * exports to the same name, and proves the folder takes a new file under the temp name.
     */
    public static Checked checkExportFile(Path target, Collection<Path> protectedSources, boolean overwrite)
            throws IOException {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            throw new Refused(abs + " is a folder; give a file name ending in .mat");
        }
        checkOutsideSources(abs, protectedSources);
        checkReplaceable(abs, overwrite);
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new Refused(abs + ": the folder " + dir + " does not exist");
        }
        List<String> notes = new ArrayList<>(TempFiles.clearStale(abs, Instant.now()).notes());
        probeWritable(dir, abs.getFileName().toString());
        return new Checked(abs, notes);
    }

    /** Refuses {@code abs} when it lies in, or is, one of {@code sources} (real paths compared). */
    public static void checkOutsideSources(Path abs, Collection<Path> sources) throws IOException {
        List<Path> seen = new ArrayList<>(List.of(realPath(abs)));
        if (Files.exists(abs)) {
            seen.add(abs.toRealPath()); // the target itself may be a link into the data
        }
        for (Path source : sources) {
            if (!Files.exists(source)) {
                continue;
            }
            Path real = source.toRealPath();
            boolean isFile = Files.isRegularFile(real);
            for (Path t : seen) {
                if (t.startsWith(real) || (isFile && Files.exists(t) && Files.isSameFile(t, real))) {
                    throw new Refused(abs + (isFile ? " is the archive " + real : " is inside the data folder " + real)
                            + "; AC1 Explorer never writes there");
                }
            }
        }
    }

    /**
     * Refuses to replace what is not a regular file, or an existing file without {@code overwrite}.
     * Used again by the writers just before they write.
     */
    public static void checkReplaceable(Path abs, boolean overwrite) throws IOException {
        if (!Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(abs)) {
            throw new Refused(abs + " is a folder; give a file name ending in .mat");
        }
        if (!Files.isRegularFile(abs)) {
            throw new Refused(abs + " exists and is not a regular file (a device, pipe, socket or broken link);"
                    + " AC1 Explorer only replaces regular files");
        }
        if (!overwrite) {
            throw new FileAlreadyExistsException(abs.toString(), null, "already exists (use --force to replace it)");
        }
    }

    /**
     * The real path of a path that may not exist yet: its deepest existing ancestor resolved
     * (links followed, the file system's spelling), the rest appended with {@code .} and {@code ..} removed.
     */
    public static Path realPath(Path p) throws IOException {
        Path abs = p.toAbsolutePath();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs.normalize();
        }
        Path rest = existing.relativize(abs);
        return existing.toRealPath().resolve(rest).normalize();
    }

    /** Creates and removes a file under the export's temp name: folder permissions, read-only media and name length. */
    static void probeWritable(Path dir, String targetName) throws IOException {
        Path probe;
        try {
            probe = TempFiles.createBeside(dir, targetName);
        } catch (AccessDeniedException e) {
            throw new Refused("cannot write in " + dir + " (permission denied); choose another folder");
        } catch (FileSystemException e) {
            String why = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new Refused("cannot write " + targetName + " in " + dir + " (" + why + ")"
                    + (why.contains("too long") ? "; choose a shorter file name" : ""));
        }
        Files.deleteIfExists(probe);
        TempFiles.release(probe);
    }

    /** Refuses when the folder of {@code target} has less usable space than {@code bytes}. */
    public static void checkFreeSpace(Path target, long bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        long free = Files.getFileStore(dir).getUsableSpace();
        if (free < bytes) {
            throw new Refused(String.format(java.util.Locale.ROOT,
                    "%s needs %s but only %s are free in %s; free some space or choose another folder",
                    target.toAbsolutePath(), megabytes(bytes), megabytes(free), dir));
        }
    }

    static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
