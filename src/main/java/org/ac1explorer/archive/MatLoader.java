package org.ac1explorer.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads MATLAB v5 files (plain or compressed) from an {@link ArchiveTree} with mfl-core. Any
 * failure of the parser (mfl-core also throws RuntimeExceptions on malformed input) becomes a
 * {@link MatReadException} with a readable reason; allocations are capped so a tag declaring an
 * absurd size cannot exhaust memory.
 */
public final class MatLoader {
    /** Largest MAT file read (bytes): bigger than any file of the release. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private MatLoader() {
    }

    /**
     * Reads the top-level variables of {@code path} whose names are in {@code variables} (all when
     * null): skipped variables are not decoded, which keeps index building cheap.
     */
    public static Mat5File load(ArchiveTree tree, String path, Set<String> variables) throws MatReadException {
        ByteBuffer bytes;
        try {
            bytes = tree.read(path, MAX_FILE_BYTES);
        } catch (IOException e) {
            throw new MatReadException("cannot read file: " + e.getMessage(), e);
        }
        return parse(bytes, variables);
    }

    /** Parses a MAT file held in memory; see {@link #load}. */
    public static Mat5File parse(ByteBuffer bytes, Set<String> variables) throws MatReadException {
        int size = bytes.remaining();
        if (size == 0) {
            throw new MatReadException("empty file (0 bytes), not a MAT file");
        }
        if (size < 128) {
            throw new MatReadException("only " + size + " bytes: too short for a MAT v5 header (128 bytes); truncated?");
        }
        String header = headerText(bytes);
        if (header.startsWith("MATLAB 7.3") || hasHdf5Signature(bytes)) {
            throw new MatReadException("MATLAB v7.3 (HDF5) file: not supported; re-save it in MATLAB with save(..., '-v7')");
        }
        if (!header.startsWith("MATLAB 5.0")) {
            String shown = header.length() > 40 ? header.substring(0, 40) : header;
            if (!shown.chars().allMatch(c -> c >= 32 && c < 127)) {
                shown = "binary data";
            }
            throw new MatReadException("not a MATLAB v5 MAT file (header starts with \"" + shown.strip() + "\")");
        }
        long budget = Math.min(Integer.MAX_VALUE, MatPrecheck.check(bytes));
        try {
            return Mat5.newReader(Sources.wrap(bytes.duplicate()))
                    .setBufferAllocator(new CappedAllocator(budget))
                    .setEntryFilter(h -> variables == null || variables.contains(h.getName()))
                    .readMat();
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            throw new MatReadException("malformed MAT file (" + reason(e) + ")", e);
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof OutOfMemoryError) {
            return "declares more data than fits in memory";
        }
        if (e instanceof StackOverflowError) {
            return "nested too deeply";
        }
        String m = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.io.EOFException || e instanceof java.nio.BufferUnderflowException) {
            return "ends early: truncated";
        }
        return m == null || m.isBlank() ? kind : kind + ": " + m;
    }

    private static String headerText(ByteBuffer b) {
        byte[] h = new byte[Math.min(116, b.remaining())];
        b.duplicate().get(h);
        return new String(h, StandardCharsets.ISO_8859_1);
    }

    private static boolean hasHdf5Signature(ByteBuffer b) {
        if (b.remaining() < 520) {
            return false;
        }
        int p = b.position() + 512;
        return (b.get(p) & 0xff) == 0x89 && b.get(p + 1) == 'H' && b.get(p + 2) == 'D' && b.get(p + 3) == 'F';
    }

    /** Refuses allocations beyond what the file could possibly hold (lying size tags). */
    private static final class CappedAllocator implements BufferAllocator {
        private long remaining;

        CappedAllocator(long budget) {
            this.remaining = budget;
        }

        @Override
        public synchronized ByteBuffer allocate(int numBytes) {
            if (numBytes < 0 || numBytes > remaining) {
                throw new IllegalArgumentException("a size field declares " + numBytes + " bytes, more than the file can hold");
            }
            remaining -= numBytes;
            return ByteBuffer.allocate(numBytes);
        }

        @Override
        public void release(ByteBuffer buffer) {
            // heap buffers are reclaimed by the garbage collector
        }
    }
}
