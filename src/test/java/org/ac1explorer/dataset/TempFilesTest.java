package org.ac1explorer.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempFilesTest {
    @TempDir
    Path dir;

    @Test
    void tempFileBesideATargetGetsTheUsersDefaultPermissionsNotPrivateOnes() throws Exception {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path tmp = TempFiles.createBeside(dir, "figure.png");
        try {
            assertTrue(TempFiles.isTempNameOf(tmp.getFileName().toString(), "figure.png"), tmp.toString());
            assertEquals(plain, Files.getPosixFilePermissions(tmp), "as the umask gives (an exported figure or MAT "
                    + "file is readable by the group when other files are)");
            Path target = dir.resolve("figure.png");
            TempFiles.moveReplacing(tmp, target);
            assertFalse(Files.exists(tmp));
            assertEquals(plain, Files.getPosixFilePermissions(target));
        } finally {
            TempFiles.release(tmp);
        }
    }
}
