package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zip entries are read with buffers that grow with the bytes actually present, within the per-entry
 * cap, and their CRC-32 is checked: declared sizes decide no allocation.
 */
class ZipTreeTest {
    @TempDir
    Path tmp;

    private static final byte[] CONTENT = new byte[300];

    static {
        new Random(7).nextBytes(CONTENT);
    }

    private Path zipWith(int method) throws IOException {
        Path z = tmp.resolve("a.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z))) {
            ZipEntry e = new ZipEntry("x.mat");
            if (method == ZipEntry.STORED) {
                CRC32 crc = new CRC32();
                crc.update(CONTENT);
                e.setMethod(ZipEntry.STORED);
                e.setSize(CONTENT.length);
                e.setCompressedSize(CONTENT.length);
                e.setCrc(crc.getValue());
            }
            out.putNextEntry(e);
            out.write(CONTENT);
            out.closeEntry();
        }
        return z;
    }

    /** Rewrites a little-endian int at {@code offset} after the central directory header's signature. */
    private static void patchCentral(Path zip, int offset, int value) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = b.length - 4; i >= 0; i--) {
            if (bb.getInt(i) == 0x02014b50) {
                bb.putInt(i + offset, value);
                Files.write(zip, b);
                return;
            }
        }
        throw new AssertionError("no central directory");
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void anEntryDeclaringHundredsOfMegabytesInAFewBytesIsRefusedWithoutAllocatingThem() throws Exception {
        Path z = zipWith(ZipEntry.DEFLATED);
        patchCentral(z, 24, 200 << 20); // uncompressed size: 200 MiB, under the cap
        try (ZipTree t = ZipTree.open(z, new ProblemLog())) {
            long before = allocatedBytes();
            IOException e = assertThrows(IOException.class, () -> t.read("x.mat", MatLoader.MAX_FILE_BYTES));
            long allocated = allocatedBytes() - before;
            assertTrue(e.getMessage().contains("holds 300 bytes but declares " + (200 << 20)), e.getMessage());
            assertTrue(allocated < 8 << 20, "allocated " + allocated + " bytes for a 300-byte entry");
        }
    }

    @Test
    void anEntryHoldingMoreThanItDeclaresIsRefusedAtItsDeclaredSize() throws Exception {
        Path z = zipWith(ZipEntry.DEFLATED);
        patchCentral(z, 24, 100);
        try (ZipTree t = ZipTree.open(z, new ProblemLog())) {
            IOException e = assertThrows(IOException.class, () -> t.read("x.mat", MatLoader.MAX_FILE_BYTES));
            assertTrue(e.getMessage().contains("more than the 100 bytes it declares"), e.getMessage());
        }
    }

    @Test
    void anEntryAboveTheCapIsRefusedByItsDeclaredSize() throws Exception {
        Path z = zipWith(ZipEntry.DEFLATED);
        patchCentral(z, 24, Integer.MAX_VALUE);
        try (ZipTree t = ZipTree.open(z, new ProblemLog())) {
            IOException e = assertThrows(IOException.class, () -> t.read("x.mat", MatLoader.MAX_FILE_BYTES));
            assertTrue(e.getMessage().contains("more than the " + MatLoader.MAX_FILE_BYTES + " allowed"), e.getMessage());
        }
    }

    @Test
    void aCorruptedStoredEntryIsRefusedByItsCrc() throws Exception {
        Path z = zipWith(ZipEntry.STORED);
        try (ZipTree t = ZipTree.open(z, new ProblemLog())) {
            assertArrayEquals(CONTENT, bytes(t.read("x.mat", MatLoader.MAX_FILE_BYTES)));
        }
        byte[] b = Files.readAllBytes(z);
        int at = indexOf(b, CONTENT);
        b[at + 150] ^= 0x5a; // one byte of the data changes, sizes stay
        Files.write(z, b);
        try (ZipTree t = ZipTree.open(z, new ProblemLog())) {
            IOException e = assertThrows(IOException.class, () -> t.read("x.mat", MatLoader.MAX_FILE_BYTES));
            assertTrue(e.getMessage().contains("CRC-32"), e.getMessage());
        }
    }

    @Test
    void anEntryNameThatIsNotUtf8IsNamedAndSkippedWhileTheOtherEntriesLoad() throws Exception {
        Path z = tmp.resolve("names.zip");
        // as Python's zipfile writes ASCII names: without the UTF-8 flag (Java's UTF-8 writer sets it on every entry)
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(z), StandardCharsets.ISO_8859_1)) {
            for (String n : List.of("a/good.mat", "a/placeholder.mat", "a/zgood.mat")) {
                out.putNextEntry(new ZipEntry(n));
                out.write(CONTENT);
                out.closeEntry();
            }
        }
        byte[] b = Files.readAllBytes(z);
        byte[] from = "placeholder".getBytes(StandardCharsets.US_ASCII);
        for (int at = indexOf(b, from, 0); at >= 0; at = indexOf(b, from, at + 1)) {
            b[at + 7] = (byte) 0xff; // "placeho\xffder": invalid UTF-8, same length
        }
        Files.write(z, b);
        ProblemLog log = new ProblemLog();
        try (ZipTree t = ZipTree.open(z, log)) {
            assertEquals(List.of("good.mat", "zgood.mat"), t.list("a"));
            assertArrayEquals(CONTENT, bytes(t.read("a/zgood.mat", MatLoader.MAX_FILE_BYTES)));
        }
        assertTrue(log.snapshot().stream().anyMatch(p -> p.location().startsWith(z + "!/a/placeho")
                && p.message().contains("not valid UTF-8")), log.snapshot().toString());
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        int at = indexOf(hay, needle, 0);
        if (at < 0) {
            throw new AssertionError("not found");
        }
        return at;
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
