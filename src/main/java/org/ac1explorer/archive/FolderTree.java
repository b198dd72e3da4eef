package org.ac1explorer.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@link ArchiveTree} over an extracted folder; files are opened read-only. What a listing
 * skips is reported to the problem log with the reason: a folder that cannot be read, a name that
 * is not valid text in the system's file-name encoding (it could not be opened by that name), and
 * an entry that is neither a regular file nor a folder (a pipe, a device, a broken or looping link).
 */
public final class FolderTree implements ArchiveTree {
    /** Lists a folder; a seam for tests of what a file system refuses (root reads every folder). */
    interface Lister {
        Stream<Path> list(Path dir) throws IOException;
    }

    private final Path root;
    private final ProblemLog problems;
    private final Lister lister;

    public FolderTree(Path root, ProblemLog problems) {
        this(root, problems, Files::list);
    }

    FolderTree(Path root, ProblemLog problems, Lister lister) {
        this.root = root;
        this.problems = problems;
        this.lister = lister;
    }

    public Path root() {
        return root;
    }

    @Override
    public Path source() {
        return root;
    }

    /** The path of {@code path}; an InvalidPathException when the name cannot be encoded for this file system. */
    private Path resolve(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    /** {@link #resolve}, null for a name the file system cannot encode (it cannot exist under that name). */
    private Path resolveOrNull(String path) {
        try {
            return resolve(path);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Path resolveForReading(String path) throws IOException {
        Path p = resolveOrNull(path);
        if (p == null) {
            throw new IOException("name cannot be written in this system's file-name encoding ("
                    + System.getProperty("sun.jnu.encoding", "unknown") + ")");
        }
        return p;
    }

    @Override
    public List<String> list(String dir) {
        Path d = resolveOrNull(dir);
        if (d == null || !Files.isDirectory(d)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = lister.list(d)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (!sameName(d, name, p)) {
                    problems.error(p.toString(), "file name is not valid text in this system's file-name encoding ("
                            + System.getProperty("sun.jnu.encoding", "unknown") + "); skipped: rename it, or run with a UTF-8 locale");
                } else if (!Files.isRegularFile(p) && !Files.isDirectory(p)) {
                    problems.error(p.toString(), "not a regular file or folder (a pipe, a device, or a link that is broken"
                            + " or loops); skipped");
                } else {
                    names.add(name);
                }
            }
        } catch (AccessDeniedException e) {
            problems.error(d.toString(), "folder cannot be read (permission denied); everything in it is skipped");
        } catch (IOException | UncheckedIOException e) {
            problems.error(d.toString(), "folder cannot be listed (" + reason(e) + "); everything in it is skipped");
        }
        names.sort(null);
        return names;
    }

    /** Whether {@code name} leads back to {@code entry}: false when decoding the bytes lost something. */
    private static boolean sameName(Path dir, String name, Path entry) {
        try {
            return dir.resolve(name).equals(entry);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String reason(Exception e) {
        Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (c instanceof AccessDeniedException) {
            return "permission denied";
        }
        return c instanceof FileSystemException f && f.getReason() != null ? f.getReason() : c.getClass().getSimpleName();
    }

    @Override
    public boolean isDirectory(String path) {
        Path p = resolveOrNull(path);
        return p != null && Files.isDirectory(p);
    }

    @Override
    public boolean isFile(String path) {
        Path p = resolveOrNull(path);
        return p != null && Files.isRegularFile(p);
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(resolveForReading(path));
    }

    @Override
    public ByteBuffer read(String path, long maxBytes, byte[] reuse) throws IOException {
        try (FileChannel ch = open(resolveForReading(path))) {
            long size = ch.size();
            if (size > maxBytes) {
                throw new IOException("file is " + size + " bytes, more than the " + maxBytes + " allowed");
            }
            int n = (int) size;
            ByteBuffer buf = ByteBuffer.wrap(n <= reuse.length ? reuse : new byte[n], 0, n);
            while (buf.position() < n) {
                // in chunks: the JDK reads through a per-thread direct buffer as large as the request, and keeps it
                buf.limit(Math.min(n, buf.position() + READ_CHUNK));
                if (ch.read(buf) < 0) {
                    throw new IOException("file shrank while being read");
                }
            }
            return buf.flip();
        }
    }

    /** Bytes asked of the file system at a time (the size of the direct buffer the JDK keeps per thread). */
    private static final int READ_CHUNK = 256 << 10;

    private static FileChannel open(Path p) throws IOException {
        try {
            return FileChannel.open(p, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new IOException("permission denied", e);
        }
    }

    @Override
    public String describe(String path) {
        Path p = resolveOrNull(path);
        return p != null ? p.toString() : root + "/" + path;
    }
}
