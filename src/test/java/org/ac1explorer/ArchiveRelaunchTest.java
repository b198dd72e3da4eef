package org.ac1explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveRelaunchTest {
    private static final String VM = "17.0.15+6-test";
    private static final List<String> ARGS = List.of("-Dac1.startupReport=true", "-jar", "target/ac1-explorer.jar");

    @TempDir
    Path dir;

    private Path jarWithArchive(long archiveAgeMs) throws IOException {
        Path jar = Files.writeString(dir.resolve("ac1-explorer.jar"), "jar");
        Path archive = Files.writeString(ArchiveRelaunch.archiveFor(jar, VM), "archive");
        long now = System.currentTimeMillis();
        Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 60_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 60_000 - archiveAgeMs));
        return jar;
    }

    private static ArchiveRelaunch.Launch launch(Path jar, List<String> args, boolean relaunched, boolean enabled) {
        return new ArchiveRelaunch.Launch("/usr/bin/java", args, jar, VM, relaunched, enabled, 1234L);
    }

    @Test
    void secondJvmGetsTheArchiveAndTheSameArguments() throws IOException {
        Path jar = jarWithArchive(-1000);
        List<String> want = new ArrayList<>(List.of("/usr/bin/java",
                "-XX:SharedArchiveFile=" + ArchiveRelaunch.archiveFor(jar, VM), "-Xlog:cds=off"));
        want.addAll(ArchiveRelaunch.LATER_C2);
        want.add("-Dac1.relaunched=true");
        want.add("-Dac1.launchedAt=1234");
        want.addAll(ARGS);
        assertEquals(want, ArchiveRelaunch.command(launch(jar, ARGS, false, true)).orElseThrow());
    }

    @Test
    void archiveNamesTheJvmBuildItWasDumpedBy() {
        assertEquals(Path.of("/opt/app/ac1-explorer-17.0.15+6-Debian-1deb12u1.jsa"),
                ArchiveRelaunch.archiveFor(Path.of("/opt/app/ac1-explorer.jar"), "17.0.15+6-Debian-1deb12u1"));
    }

    @Test
    void noSecondJvmWithoutAnArchiveForThisJvmBuild() throws IOException {
        Path jar = jarWithArchive(-1000);
        ArchiveRelaunch.Launch other = new ArchiveRelaunch.Launch("/usr/bin/java", ARGS, jar, "21.0.2+13", false, true, -1);
        assertTrue(ArchiveRelaunch.command(other).isEmpty());
    }

    @Test
    void noSecondJvmWhenTheArchiveIsOlderThanTheJar() throws IOException {
        // a rebuilt jar with a stale archive: the JVM would refuse the archive and run with none at all
        Path jar = jarWithArchive(5000);
        assertTrue(ArchiveRelaunch.command(launch(jar, ARGS, false, true)).isEmpty());
    }

    @Test
    void secondJvmNeverStartsAThirdAndTheSwitchTurnsItOff() throws IOException {
        Path jar = jarWithArchive(-1000);
        assertTrue(ArchiveRelaunch.command(launch(jar, ARGS, true, true)).isEmpty());
        assertTrue(ArchiveRelaunch.command(launch(jar, ARGS, false, false)).isEmpty());
    }

    @Test
    void userChosenClassDataSharingIsLeftAlone() throws IOException {
        Path jar = jarWithArchive(-1000);
        for (String own : List.of("-Xshare:off", "-XX:SharedArchiveFile=/tmp/mine.jsa", "-XX:ArchiveClassesAtExit=/tmp/a.jsa")) {
            List<String> args = new ArrayList<>(List.of(own));
            args.addAll(ARGS);
            assertTrue(ArchiveRelaunch.command(launch(jar, args, false, true)).isEmpty(), own);
        }
    }

    @Test
    void noSecondJvmWhenNotRunFromAJarOrTheJavaCommandIsUnknown() throws IOException {
        Path jar = jarWithArchive(-1000);
        assertTrue(ArchiveRelaunch.command(launch(null, ARGS, false, true)).isEmpty());
        assertTrue(ArchiveRelaunch.command(new ArchiveRelaunch.Launch(null, ARGS, jar, VM, false, true, -1)).isEmpty());
    }

    @Test
    void startTimeIsPassedOnlyWhenKnown() throws IOException {
        Path jar = jarWithArchive(-1000);
        List<String> cmd = ArchiveRelaunch.command(new ArchiveRelaunch.Launch("/usr/bin/java", ARGS, jar, VM, false, true, -1))
                .orElseThrow();
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-Dac1.launchedAt")), cmd.toString());
    }
}
