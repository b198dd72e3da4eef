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

    private ZipTree(Path zipPath, ZipFile zip, ProblemLog problems) {
        this.zipPath = zipPath;
        this.zip = zip;
        children.put("", new TreeSet<>());
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
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

    /** Opens a zip; a broken central directory or unreadable file gives an IOException naming the zip. */
    public static ZipTree open(Path zipPath, ProblemLog problems) throws IOException {
        ZipFile z;
        try {
            z = new ZipFile(zipPath.toFile(), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new IOException("not a readable zip file (" + e.getMessage() + ")", e);
        }
        try {
            return new ZipTree(zipPath, z, problems);
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

    @Override
    public ByteBuffer read(String path, long maxBytes) throws IOException {
        ZipEntry e = files.get(path);
        if (e == null) {
            throw new IOException("no such entry");
        }
        long declared = e.getSize();
        if (declared > maxBytes) {
            throw new IOException("entry declares " + declared + " bytes, more than the " + maxBytes + " allowed");
        }
        // the declared size may lie: grow as needed up to the limit
        int capacity = declared >= 0 ? (int) declared : 1 << 16;
        byte[] buf = new byte[Math.max(capacity, 16)];
        int n = 0;
        try (InputStream in = zip.getInputStream(e)) {
            while (true) {
                if (n == buf.length) {
                    if (buf.length >= maxBytes) {
                        if (in.read() < 0) {
                            break;
                        }
                        throw new IOException("entry inflates to more than the " + maxBytes + " bytes allowed");
                    }
                    buf = java.util.Arrays.copyOf(buf, (int) Math.min(maxBytes, 2L * buf.length));
                }
                int r = in.read(buf, n, buf.length - n);
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
