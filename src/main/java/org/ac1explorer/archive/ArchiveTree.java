package org.ac1explorer.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Read-only view of one part of the CRCNS-AC1 release: an extracted folder or a zip file, addressed
 * with '/'-separated paths relative to the part's root ("" is the root). Never writes anything.
 */
public interface ArchiveTree extends Closeable {

    /** Names of the entries directly inside {@code dir}, sorted by text; empty if it is not a folder. */
    List<String> list(String dir);

    boolean isDirectory(String path);

    boolean isFile(String path);

    /** Size in bytes of a file, as declared by the file system or the zip directory. */
    long size(String path) throws IOException;

    /** The whole content of a file; refuses files larger than {@code maxBytes}. */
    default ByteBuffer read(String path, long maxBytes) throws IOException {
        return read(path, maxBytes, new byte[0]);
    }

    /**
     * {@link #read(String, long)} into {@code reuse} when the content fits (its bytes are
     * overwritten), else into a new array: for a caller that is done with the content before its
     * next read, so reading many files does not allocate one array per file.
     */
    ByteBuffer read(String path, long maxBytes, byte[] reuse) throws IOException;

    /** A location users recognise in messages, e.g. {@code /data/crcns-ac1/wehr/Summary.mat} or {@code crcns-ac1.zip!/wehr/Summary.mat}. */
    String describe(String path);

    /** The folder or zip file on disk this tree reads (what an output must never touch). */
    java.nio.file.Path source();

    static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    @Override
    default void close() throws IOException {
    }
}
