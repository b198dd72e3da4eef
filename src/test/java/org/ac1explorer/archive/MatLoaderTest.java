package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.ac1explorer.Fixtures;
import org.junit.jupiter.api.Test;

class MatLoaderTest {
    private static String failure(byte[] bytes) {
        return assertThrows(MatReadException.class, () -> MatLoader.parse(ByteBuffer.wrap(bytes), null)).getMessage();
    }

    @Test
    void emptyFileIsNamedEmpty() {
        assertTrue(failure(new byte[0]).contains("empty"));
    }

    @Test
    void hdf5FileIsExplained() {
        byte[] b = new byte[1024];
        byte[] h = "MATLAB 7.3 MAT-file, Platform: GLNXA64".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(h, 0, b, 0, h.length);
        assertTrue(failure(b).contains("v7.3"));
    }

    @Test
    void randomBytesAreNotAMatFile() {
        byte[] b = new byte[512];
        new java.util.Random(1).nextBytes(b);
        assertTrue(failure(b).contains("not a MAT file: starts with binary data"), failure(b));
    }

    @Test
    void aCompressedVariableDeclaringMoreThanTheCapIsRefusedBeforeInflatingIt() throws Exception {
        // a miMATRIX tag declaring 300 MiB, then incompressible bytes enough for zlib's 1032:1 bound to allow it
        byte[] body = new byte[8 + 320_000];
        new java.util.Random(3).nextBytes(body);
        ByteBuffer.wrap(body).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, 14).putInt(4, 300 << 20);
        java.io.ByteArrayOutputStream z = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream d = new java.util.zip.DeflaterOutputStream(z)) {
            d.write(body);
        }
        byte[] compressed = z.toByteArray();
        ByteBuffer file = ByteBuffer.allocate(128 + 8 + compressed.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] header = "MATLAB 5.0 MAT-file".getBytes(StandardCharsets.US_ASCII);
        file.put(header).position(124);
        file.putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        file.putInt(15).putInt(compressed.length).put(compressed);
        String why = failure(file.array());
        assertTrue(why.contains("MiB any variable of the CRCNS-AC1 release holds"), why);
    }

    @Test
    void aTextFileIsDescribedNeverQuoted() {
        byte[] b = ("ghp_SECRETTOKEN0123456789abcdef\n" + "x".repeat(200)).getBytes(StandardCharsets.US_ASCII);
        String why = failure(b);
        assertTrue(why.contains("not a MAT file: starts with text"), why);
        assertFalse(why.contains("SECRET") || why.contains("ghp_"), why);
    }

    @Test
    void truncationsNeverEscapeAsRuntimeExceptions() throws Exception {
        byte[] full = Files.readAllBytes(Fixtures.mini().resolve(
                "crcns-ac1-asari-results-1/asari-results-1/20050101-ha1-001/20050101-ha1-001-001.mat"));
        for (int cut = 0; cut < full.length; cut += Math.max(1, full.length / 97)) {
            byte[] b = java.util.Arrays.copyOf(full, cut);
            try {
                MatLoader.parse(ByteBuffer.wrap(b), null);
            } catch (MatReadException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void absurdSizesInsideCompressedVariablesAreRefusedBeforeAnyAllocation() throws Exception {
        byte[] file = Files.readAllBytes(Fixtures.mini().resolve(
                "crcns-ac1-asari-results-1/asari-results-1/20050614-ha2-008/20050614-ha2-008-002.mat"));
        ByteBuffer b = ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertTrue(b.getInt(128) == 15, "the fixture's first variable is compressed");
        int size = b.getInt(132);
        java.util.zip.Inflater inf = new java.util.zip.Inflater();
        inf.setInput(file, 136, size);
        byte[] content = new byte[1 << 22];
        int length = inf.inflate(content);
        inf.end();
        int refused = 0;
        for (int pos = 4; pos + 4 <= Math.min(length, 600); pos += 4) {
            byte[] mutated = java.util.Arrays.copyOf(content, length);
            ByteBuffer.wrap(mutated).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(pos, 0x7ffffff8);
            java.util.zip.Deflater def = new java.util.zip.Deflater();
            def.setInput(mutated);
            def.finish();
            byte[] packed = new byte[length + 1024];
            int n = def.deflate(packed);
            def.end();
            ByteBuffer out = ByteBuffer.allocate(136 + n).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            out.put(file, 0, 128).putInt(15).putInt(n).put(packed, 0, n);
            try {
                MatLoader.parse(ByteBuffer.wrap(out.array()), null);
            } catch (MatReadException e) {
                // a size word 2^31 - 8 must be named as such, never met by allocating it
                assertFalse(e.getMessage().contains("fits in memory"), "word " + pos + ": " + e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 10, refused + " mutants refused");
    }
}
