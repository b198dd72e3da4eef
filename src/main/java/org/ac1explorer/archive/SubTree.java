package org.ac1explorer.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/** The part of another {@link ArchiveTree} below a folder, addressed relative to that folder. */
final class SubTree implements ArchiveTree {
    private final ArchiveTree base;
    private final String prefix;

    SubTree(ArchiveTree base, String prefix) {
        this.base = base;
        this.prefix = prefix;
    }

    private String full(String path) {
        return ArchiveTree.join(prefix, path).replaceAll("/$", "");
    }

    @Override
    public List<String> list(String dir) {
        return base.list(full(dir));
    }

    @Override
    public boolean isDirectory(String path) {
        return base.isDirectory(full(path));
    }

    @Override
    public boolean isFile(String path) {
        return base.isFile(full(path));
    }

    @Override
    public long size(String path) throws IOException {
        return base.size(full(path));
    }

    @Override
    public ByteBuffer read(String path, long maxBytes, byte[] reuse) throws IOException {
        return base.read(full(path), maxBytes, reuse);
    }

    @Override
    public java.nio.file.Path source() {
        return base.source();
    }

    @Override
    public String describe(String path) {
        return base.describe(full(path));
    }

    @Override
    public void close() throws IOException {
        base.close();
    }
}
