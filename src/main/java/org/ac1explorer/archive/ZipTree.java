package org.ac1explorer.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An {@link ArchiveTree} over a zip file, read in place: entries are inflated into memory on demand
 * and never extracted to disk. Entry names that would escape the root ({@code ../x}, absolute
 * paths) are ignored and reported.
 */
public final class ZipTree implements ArchiveTree {
    private final Path zipPath;
    private final ZipFile zip;
    private final Map<String, ZipEntry> files = new HashMap<>();
    private final Map<String, TreeSet<String>> children = new HashMap<>();

    private ZipTree(Path zipPath, ZipFile zip, ProblemLog problems, boolean byteNames) {
        this.zipPath = zipPath;
        this.zip = zip;
        children.put("", new TreeSet<>());
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (byteNames && !e.getName().chars().allMatch(c -> c < 0x80)) {
                problems.error(zipPath + "!/" + e.getName(), "entry name is not valid UTF-8; skipped");
                continue;
            }
            String name = normalise(e.getName());
            if (name == null) {
                problems.warning(zipPath + "!/" + e.getName(), "entry name leaves the archive root; ignored");
                continue;
            }
            if (name.isEmpty()) {
                continue;
            }
            if (e.isDirectory()) {
                addDirectory(name);
            } else {
                files.put(name, e);
                int slash = name.lastIndexOf('/');
                String parent = slash < 0 ? "" : name.substring(0, slash);
                addDirectory(parent);
                children.get(parent).add(name.substring(slash + 1));
            }
        }
    }

    /**
     * Opens a zip; a broken central directory or unreadable file gives an IOException naming the zip.
     * A zip whose entry names are not all valid UTF-8 is opened again with one character per byte,
     * so its other entries load and the odd ones are named and skipped.
     */
    public static ZipTree open(Path zipPath, ProblemLog problems) throws IOException {
        try {
            return open(zipPath, problems, false);
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("bad entry name")) {
                throw e;
            }
            return open(zipPath, problems, true);
        }
    }

    private static ZipTree open(Path zipPath, ProblemLog problems, boolean byteNames) throws IOException {
        ZipFile z;
        try {
            z = new ZipFile(zipPath.toFile(), byteNames ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable zip file (" + e.getMessage() + ")", e);
        }
        try {
            return new ZipTree(zipPath, z, problems, byteNames);
        } catch (RuntimeException e) {
            z.close();
            throw new IOException("not a readable zip file (" + e.getMessage() + ")", e);
        }
    }

    /** Slash-separated, without leading "./" or trailing "/"; null when the name escapes the root. */
    static String normalise(String raw) {
        String n = raw.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (p.equals("..")) {
                return null;
            }
            parts.add(p);
        }
        return String.join("/", parts);
    }

    private void addDirectory(String dir) {
        if (children.containsKey(dir)) {
            return;
        }
        children.put(dir, new TreeSet<>());
        int slash = dir.lastIndexOf('/');
        String parent = slash < 0 ? "" : dir.substring(0, slash);
        addDirectory(parent);
        children.get(parent).add(dir.substring(slash + 1));
    }

    @Override
    public List<String> list(String dir) {
        TreeSet<String> c = children.get(dir);
        return c == null ? List.of() : List.copyOf(c);
    }

    @Override
    public boolean isDirectory(String path) {
        return children.containsKey(path);
    }

    @Override
    public boolean isFile(String path) {
        return files.containsKey(path);
    }

    @Override
    public long size(String path) throws IOException {
        ZipEntry e = files.get(path);
        if (e == null) {
            throw new IOException("no such entry");
        }
        return e.getSize();
    }

    /** First buffer of an entry: buffers grow with the bytes actually inflated, never from a declared size. */
    private static final int FIRST_BUFFER = 64 << 10;

    /**
     * Inflates an entry into a buffer that doubles as bytes arrive, up to its declared size (refused
     * above {@code maxBytes}); an entry holding more or fewer bytes than it declares, or whose CRC-32
     * differs from the zip directory's, is refused.
     */
    @Override
    public ByteBuffer read(String path, long maxBytes, byte[] reuse) throws IOException {
        ZipEntry e = files.get(path);
        if (e == null) {
            throw new IOException("no such entry");
        }
        long declared = e.getSize();
        if (declared > maxBytes) {
            throw new IOException("entry declares " + declared + " bytes, more than the " + maxBytes + " allowed");
        }
        long limit = declared >= 0 ? declared : maxBytes;
        byte[] buf = reuse.length >= Math.min(limit, FIRST_BUFFER) ? reuse : new byte[(int) Math.max(16, Math.min(limit, FIRST_BUFFER))];
        int n = 0;
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(e), crc)) {
            while (true) {
                if (n == buf.length || n >= limit) {
                    if (n >= limit) {
                        if (in.read() < 0) {
                            break;
                        }
                        throw new IOException(declared >= 0 ? "zip entry holds more than the " + declared + " bytes it declares"
                                : "entry inflates to more than the " + maxBytes + " bytes allowed");
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min(limit, 2L * buf.length));
                }
                int r = in.read(buf, n, (int) Math.min(buf.length, limit) - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (IOException | RuntimeException ex) {
            throw new IOException("cannot inflate zip entry (" + ex.getMessage() + ")", ex);
        }
        if (declared >= 0 && n != declared) {
            throw new IOException("zip entry holds " + n + " bytes but declares " + declared);
        }
        if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
            throw new IOException("zip entry is corrupt: its CRC-32 does not match the zip directory's");
        }
        return ByteBuffer.wrap(buf, 0, n).slice();
    }

    @Override
    public Path source() {
        return zipPath;
    }

    @Override
    public String describe(String path) {
        return zipPath + "!/" + path;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
