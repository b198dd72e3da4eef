package org.ac1explorer.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ac1explorer.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every path a listing skips is named with its reason, and an odd name never stops the rest. */
class FolderTreeTest {
    @TempDir
    Path tmp;

    private static boolean named(List<Problem> problems, Path where, String reason) {
        return problems.stream().anyMatch(p -> p.location().equals(where.toString()) && p.message().contains(reason));
    }

    private static int run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        return p.exitValue();
    }

    @Test
    void pipesBrokenAndLoopingLinksAndUndecodableNamesAreNamedAndTheRestLoads() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("data"));
        int cells;
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            cells = a.cells().size();
        }
        Path session = data.resolve("crcns-ac1/wehr/Results/20020101-mw-001");
        Files.createSymbolicLink(session.resolve("loop-a.mat"), session.resolve("loop-b.mat"));
        Files.createSymbolicLink(session.resolve("loop-b.mat"), session.resolve("loop-a.mat"));
        Files.createSymbolicLink(session.resolve("gone.mat"), session.resolve("nothing-here.mat"));
        boolean fifo = run(session, "mkfifo", "pipe.mat") == 0;
        // a name with the byte 0xff, invalid in UTF-8 (Java cannot create one itself)
        boolean badName = run(session, "sh", "-c", "printf x > \"$(printf 'bad\\377.mat')\"") == 0;
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            List<Problem> problems = a.problems();
            assertEquals(cells, a.cells().size(), "the other files and cells still load");
            for (String n : List.of("loop-a.mat", "loop-b.mat", "gone.mat")) {
                assertTrue(named(problems, session.resolve(n), "not a regular file or folder"), n + ": " + problems);
            }
            if (fifo) {
                assertTrue(named(problems, session.resolve("pipe.mat"), "not a regular file or folder"), problems.toString());
            }
            if (badName && "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"))) {
                assertTrue(problems.stream().anyMatch(p -> p.location().startsWith(session + "/bad")
                        && p.message().contains("not valid text in this system's file-name encoding")), problems.toString());
            }
        }
    }

    @Test
    void anUnreadableFolderIsNamedWithTheReason() {
        // stand-in for a mode-000 folder (root reads every folder): a file system that refuses to list it
        Path data = Fixtures.mini().resolve("crcns-ac1");
        ProblemLog log = new ProblemLog();
        FolderTree t = new FolderTree(data, log, dir -> {
            if (dir.endsWith("20020101-mw-001")) {
                throw new AccessDeniedException(dir.toString());
            }
            return Files.list(dir);
        });
        assertEquals(List.of(), t.list("wehr/Results/20020101-mw-001"));
        assertEquals(List.of("20020101-mw-001", "20020812-mw-004"), t.list("wehr/Results"));
        assertTrue(named(log.snapshot(), data.resolve("wehr/Results/20020101-mw-001"), "permission denied"), log.snapshot().toString());
    }

    @Test
    void aModeZeroFolderIsNamedWhenNotRunningAsRoot() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("data"));
        Path session = data.resolve("crcns-ac1/wehr/Results/20020101-mw-001");
        assumeTrue(session.toFile().setReadable(false, false) && !Files.isReadable(session), "root reads every folder");
        try (Ac1Archive a = Ac1Archive.open(data, ProgressMonitor.NONE)) {
            assertTrue(named(a.problems(), session, "permission denied"), a.problems().toString());
        } finally {
            session.toFile().setReadable(true, false);
        }
    }

    @Test
    void aNonAsciiSessionNameUnderTheCLocaleIsSkippedAndNamedNotFatal() throws Exception {
        Path data = Fixtures.copyTree(Fixtures.mini(), tmp.resolve("data"));
        Files.createDirectories(data.resolve("crcns-ac1-asari-results-1/asari-results-1/20050101-ha1-0\u00e9"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.ac1explorer.Main", "summary", "--data", data.toString());
        pb.environment().put("LC_ALL", "C");
        pb.environment().remove("LANG");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("file-name encoding"), out);
        assertTrue(out.contains("Cells:") || out.contains("cells"), out);
    }
}
