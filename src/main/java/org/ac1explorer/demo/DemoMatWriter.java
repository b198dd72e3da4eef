package org.ac1explorer.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import us.hebi.matlab.mat.format.BufferAllocator;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;
import us.hebi.matlab.mat.types.Char;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.MatlabType;
import us.hebi.matlab.mat.types.Matrix;
import us.hebi.matlab.mat.types.Sink;
import us.hebi.matlab.mat.types.Sinks;

/**
 * MATLAB v5 files for the demo dataset, written with mfl-core: a fixed header text (no creation time, so a seed
 * always gives the same bytes), each file serialised in memory, written to {@code <name>.part} and renamed.
 */
final class DemoMatWriter {
    /** Appended by mfl-core to "MATLAB 5.0 MAT-file". */
    static final String HEADER_TEXT = ", synthetic CRCNS-AC1 demo data written by AC1 Explorer";

    private DemoMatWriter() {
    }

    /** An empty MAT file whose header carries {@link #HEADER_TEXT} instead of a date. */
    static MatFile newFile() {
        return new Mat5File(HEADER_TEXT) {
        };
    }

    static Char text(String s) {
        return Mat5.newString(s);
    }

    static Matrix scalar(double v) {
        return Mat5.newScalar(v);
    }

    static Matrix doubles(double[] v, boolean row) {
        HeapBuffers alloc = new HeapBuffers();
        Matrix m = Mat5.newNumerical(row ? new int[] {1, v.length} : new int[] {v.length, 1}, MatlabType.Double,
                false, false, alloc);
        if (alloc.single() != null && v.length > 0) {
            alloc.single().duplicate().order(alloc.single().order()).asDoubleBuffer().put(v);
        }
        if (v.length > 0 && (m.getDouble(0) != v[0] || m.getDouble(v.length - 1) != v[v.length - 1])) {
            for (int i = 0; i < v.length; i++) {
                m.setDouble(i, v[i]);
            }
        }
        return m;
    }

    static Matrix int16Column(short[] v) {
        HeapBuffers alloc = new HeapBuffers();
        Matrix m = Mat5.newNumerical(new int[] {v.length, 1}, MatlabType.Int16, false, false, alloc);
        if (alloc.single() != null && v.length > 0) {
            alloc.single().duplicate().order(alloc.single().order()).asShortBuffer().put(v);
        }
        if (v.length > 0 && (m.getShort(0) != v[0] || m.getShort(v.length - 1) != v[v.length - 1])) {
            for (int i = 0; i < v.length; i++) {
                m.setShort(i, v[i]);
            }
        }
        return m;
    }

    /**
     * Heap buffers for mfl-core matrices, so a whole array can be filled in one bulk copy (much faster than one
     * {@code setShort} per sample on mfl's direct buffers). If mfl ever lays the buffer out differently, the
     * spot check in the callers falls back to element-wise filling.
     */
    private static final class HeapBuffers implements BufferAllocator {
        private ByteBuffer only;
        private int count;

        @Override
        public ByteBuffer allocate(int numBytes) {
            ByteBuffer b = ByteBuffer.allocate(numBytes).order(ByteOrder.nativeOrder());
            only = b;
            count++;
            return b;
        }

        @Override
        public void release(ByteBuffer buffer) {
            // heap buffer: garbage-collected
        }

        ByteBuffer single() {
            return count == 1 ? only : null;
        }
    }

    /**
     * Serialises {@code mat} and writes it to {@code target} through a temporary {@code .part} file and a rename,
     * so a final name never holds a partial file. Returns the file size.
     */
    static long write(MatFile mat, Path target) throws IOException {
        long size = mat.getUncompressedSerializedSize();
        // compressed output may exceed the raw size slightly on incompressible data
        long capacity = size + size / 16 + 4096;
        if (capacity > Integer.MAX_VALUE) {
            throw new IOException("MAT file too large to build in memory: " + target);
        }
        // little-endian like MATLAB on PCs (and fixed, so the bytes do not depend on the platform)
        ByteBuffer buffer = ByteBuffer.allocate((int) capacity).order(ByteOrder.LITTLE_ENDIAN);
        Sink sink = Sinks.wrap(buffer);
        Mat5.newWriter(sink).writeMat(mat);
        int length = (int) sink.position();
        buffer.position(0);
        buffer.limit(length);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        try {
            mat.close();
        } catch (IOException ignored) {
            // buffers are heap-backed; nothing to release
        }
        return length;
    }
}
