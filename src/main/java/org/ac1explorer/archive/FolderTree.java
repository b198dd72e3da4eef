package org.ac1explorer.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/** An {@link ArchiveTree} over an extracted folder; files are opened read-only. */
public final class FolderTree implements ArchiveTree {
    private final Path root;

    public FolderTree(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public Path source() {
        return root;
    }

    private Path resolve(String path) {
        return path.isEmpty() ? root : root.resolve(path);
    }

    @Override
    public List<String> list(String dir) {
        Path d = resolve(dir);
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public boolean isDirectory(String path) {
        return Files.isDirectory(resolve(path));
    }

    @Override
    public boolean isFile(String path) {
        return Files.isRegularFile(resolve(path));
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(resolve(path));
    }

    @Override
    public ByteBuffer read(String path, long maxBytes) throws IOException {
        try (FileChannel ch = FileChannel.open(resolve(path), StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > maxBytes) {
                throw new IOException("file is " + size + " bytes, more than the " + maxBytes + " allowed");
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining()) {
                if (ch.read(buf) < 0) {
                    throw new IOException("file shrank while being read");
                }
            }
            return buf.flip();
        }
    }

    @Override
    public String describe(String path) {
        return resolve(path).toString();
    }
}
