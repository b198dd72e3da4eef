package org.ac1explorer.archive;

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
        assertTrue(failure(b).contains("not a MATLAB v5"));
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
}
