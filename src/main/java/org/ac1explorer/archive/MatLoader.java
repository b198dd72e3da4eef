package org.ac1explorer.archive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Sources;

/**
 * Reads MATLAB v5 files (plain or compressed) from an {@link ArchiveTree} with mfl-core. Any
 * failure of the parser (mfl-core also throws RuntimeExceptions on malformed input) becomes a
 * {@link MatReadException} with a readable reason. Compressed variables are inflated here, not by
 * the decoder, into buffers that grow only with the data actually present, and every tag is checked
 * against the bytes present before mfl-core decodes them: a tag declaring an absurd size is refused
 * instead of being allocated. Unwanted variables are skipped after their first bytes.
 */
public final class MatLoader {
    /**
     * Largest MAT file, zip entry or inflated variable read (bytes). The release's largest files (a
     * few minutes of one recording, a 20 s stimulus at 97.6 kHz) hold tens of MB; 256 MiB is ten times
     * that, yet stays clear of a 1 GB heap even while a buffer grows.
     */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private MatLoader() {
    }

    /**
     * Reads the top-level variables of {@code path} whose names are in {@code variables} (all when
     * null): skipped variables are not decoded, which keeps index building cheap.
     */
    public static Mat5File load(ArchiveTree tree, String path, Set<String> variables) throws MatReadException {
        ByteBuffer bytes;
        try {
            byte[] reuse = FILE_BYTES.get();
            long size = tree.size(path);
            if (size > reuse.length && size <= KEEP_BUFFER_MAX) {
                reuse = new byte[(int) roomy(size)];
            }
            bytes = tree.read(path, MAX_FILE_BYTES, reuse);
        } catch (IOException e) {
            throw new MatReadException("cannot read file: " + e.getMessage(), e);
        }
        if (bytes.hasArray() && bytes.array().length <= KEEP_BUFFER_MAX) {
            FILE_BYTES.set(bytes.array());
        }
        return parse(bytes, variables);
    }

    /**
     * Closes a file {@link #load} read, giving its values' buffers back to the {@link MatBufferPool}
     * for the next files: none of its values may be read afterwards. A failure to close leaves the
     * buffers to the garbage collector.
     */
    static void release(Mat5File file) {
        try {
            file.close();
        } catch (IOException | RuntimeException e) {
            // nothing is lost: the buffers are only not reused
        }
    }

    /** Each thread's file buffer, reused from file to file: {@link #parse} copies out everything it keeps. */
    private static final ThreadLocal<byte[]> FILE_BYTES = ThreadLocal.withInitial(() -> new byte[0]);

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
            // described, never quoted: the file may be anything reached through a link (a token, a key)
            String prefix = header.length() > 40 ? header.substring(0, 40) : header;
            boolean text = prefix.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || (c >= 32 && c < 127));
            throw new MatReadException("not a MAT file: starts with " + (text ? "text" : "binary data")
                    + " instead of the \"MATLAB 5.0\" header");
        }
        List<MatPrecheck.Element> elements = MatPrecheck.check(bytes);
        ByteBuffer file = bytes.duplicate().order(MatPrecheck.order(bytes));
        int start = file.position();
        byte[] head = new byte[128];
        file.get(start, head);
        Mat5File out = Mat5.newMatFile();
        int index = 0;
        for (MatPrecheck.Element e : elements) {
            index++;
            String where = "variable " + index;
            byte[] single;
            int length;
            if (e.compressed()) {
                Inflated v = inflate(file, start + e.dataPos(), e.size(), head, variables, where);
                if (v == null) {
                    continue;
                }
                single = v.bytes();
                length = v.length();
            } else {
                int data = start + e.dataPos();
                String name = MatPrecheck.arrayName(file, data, data + e.size());
                if (variables != null && (name == null || !variables.contains(name))) {
                    continue;
                }
                length = 128 + 8 + e.size();
                single = Arrays.copyOf(head, length);
                file.get(start + e.tagPos(), single, 128, 8 + e.size());
            }
            // every tag inside has been checked against the bytes present: mfl-core allocates no more
            ByteBuffer one = ByteBuffer.wrap(single, 0, length);
            try {
                Mat5File decoded = Mat5.newReader(Sources.wrap(one))
                        .setBufferAllocator(new CappedAllocator(length))
                        .readMat();
                for (MatFile.Entry entry : decoded.getEntries()) {
                    out.addArray(entry.getName(), entry.isGlobal(), entry.getValue());
                }
            } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError ex) {
                throw new MatReadException("malformed MAT file (" + where + ": " + reason(ex) + ")", ex);
            }
        }
        return out;
    }

    /** A variable's bytes as a single-variable uncompressed MAT file: header, then the matrix element. */
    private record Inflated(byte[] bytes, int length) {
    }

    /**
     * Inflates the compressed element at {@code pos} into a single-variable MAT file; null when its
     * variable is not wanted (only its first bytes are inflated then). The buffer grows with the data
     * actually inflated, so a lying size tag cannot make it allocate more than the data holds.
     */
    private static Inflated inflate(ByteBuffer file, int pos, int size, byte[] header, Set<String> variables,
                                    String where) throws MatReadException {
        ByteBuffer compressed = file.duplicate();
        compressed.limit(pos + size).position(pos);
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            byte[] buf = INFLATED.get();
            System.arraycopy(header, 0, buf, 0, 128);
            int length = 128 + fill(inflater, buf, 128, 128 + NAME_PROBE, where);
            ByteBuffer probe = ByteBuffer.wrap(buf, 0, length).order(file.order());
            if (length < 128 + 8) {
                throw new MatReadException(where + ": compressed data inflates to only " + (length - 128) + " bytes");
            }
            long declared = Integer.toUnsignedLong(probe.getInt(128 + 4));
            long total = 128 + 8 + declared;
            if (declared > (long) size * MatPrecheck.MAX_INFLATION || total > Integer.MAX_VALUE - 8) {
                throw new MatReadException(where + ": compressed data declares " + declared
                        + " bytes, more than " + size + " compressed bytes can hold");
            }
            if (declared > MAX_FILE_BYTES) {
                throw new MatReadException(where + ": declares " + declared + " bytes uncompressed, more than the "
                        + (MAX_FILE_BYTES >> 20) + " MiB any variable of the CRCNS-AC1 release holds; skipped");
            }
            length = (int) Math.min(length, total);      // bytes past the matrix are not part of it
            if (variables != null) {
                String name = MatPrecheck.arrayName(probe, 128 + 8, length);
                if (name != null && !variables.contains(name)) {
                    return null;
                }
            }
            while (length < total && !inflater.finished() && !inflater.needsDictionary()) {
                if (length == buf.length) {
                    // first step straight to a few times the compressed size (typical ratios stay under it), then doubling
                    long next = buf.length < FIRST_GROWTH * size ? Math.max(1 << 20, FIRST_GROWTH * size) : 2L * buf.length;
                    buf = Arrays.copyOf(buf, (int) Math.min(roomy(total), next));
                }
                int got = fill(inflater, buf, length, (int) Math.min(total, buf.length), where);
                if (got == 0) {
                    break;
                }
                length += got;
            }
            if (length < total) {
                throw new MatReadException(where + ": compressed data ends after " + (length - 136) + " of the "
                        + declared + " bytes it declares: truncated or corrupt");
            }
            ByteBuffer inflated = ByteBuffer.wrap(buf, 0, length).order(file.order());
            MatPrecheck.checkInflated(inflated, 128, length - 128, where);
            String name = MatPrecheck.arrayName(inflated, 128 + 8, length);
            if (variables != null && (name == null || !variables.contains(name))) {
                return null;
            }
            if (buf.length <= KEEP_BUFFER_MAX) {
                INFLATED.set(buf);
            }
            return new Inflated(buf, length);
        } finally {
            inflater.end();
        }
    }

    /** A kept buffer's length for {@code bytes}: an eighth more, so the next, slightly larger file or variable fits too. */
    private static long roomy(long bytes) {
        return Math.min(Integer.MAX_VALUE - 8, bytes + bytes / 8);
    }

    /** Bytes of the array name's neighbourhood inflated before deciding whether a variable is wanted. */
    private static final int NAME_PROBE = 512;

    /**
     * Each thread's inflate buffer, reused from variable to variable: mfl-core copies every value
     * out of the bytes it parses (through the allocator), so nothing refers to them afterwards.
     */
    private static final ThreadLocal<byte[]> INFLATED = ThreadLocal.withInitial(() -> new byte[128 + NAME_PROBE]);
    /** Larger inflate or file buffers are not kept (bytes), so one odd huge file does not pin its memory. */
    private static final int KEEP_BUFFER_MAX = 32 << 20;

    /** The inflate buffer's first size in compressed bytes: a lying size tag can make it allocate only this much more than the data holds. */
    private static final long FIRST_GROWTH = 4;


    /** Inflates into {@code buf[from, to)}; returns the bytes written (0 at the end of the stream). */
    private static int fill(Inflater inflater, byte[] buf, int from, int to, String where) throws MatReadException {
        int at = from;
        try {
            while (at < to) {
                int n = inflater.inflate(buf, at, to - at);
                if (n == 0) {
                    break;
                }
                at += n;
            }
        } catch (DataFormatException e) {
            throw new MatReadException(where + ": compressed data is corrupt (" + e.getMessage() + ")", e);
        }
        return at - from;
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

    /** Refuses allocations beyond what the file could possibly hold (lying size tags); buffers come from and go back to the {@link MatBufferPool}. */
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
            return MatBufferPool.SHARED.take(numBytes);
        }

        @Override
        public void release(ByteBuffer buffer) {
            MatBufferPool.SHARED.give(buffer);
        }
    }
}
