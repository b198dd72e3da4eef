package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ac1explorer.download.CrcnsDownloader;
import org.ac1explorer.download.FakePortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DownloadCommandTest {
    @TempDir
    Path tmp;

    /** Through {@link Cli}, with the real environment and terminal. */
    private static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    /** The command alone, with the given environment and no terminal. */
    private static CliRun command(Map<String, String> env, String... args) throws Exception {
        return CliRun.capture((out, err) -> new DownloadCommand(out, err, env, null).run(args));
    }

    @Test
    void helpDescribesTheCommand() {
        CliRun r = cli("download", "--help");
        assertEquals(0, r.status());
        assertTrue(r.out().startsWith("usage: ac1-explorer download --dest DIR"), r.out());
        assertTrue(r.out().contains("CRCNS_USERNAME") && r.out().contains("--only") && r.out().contains("--base-url"));
        assertTrue(Cli.isCommand("download"));
        assertTrue(cli("--help").out().contains("download"));
    }

    @Test
    void missingCredentialsWithoutATerminalIsOneClearLine() {
        assumeTrue(System.console() == null && System.getenv("CRCNS_PASSWORD") == null, "needs no terminal and no account");
        CliRun r = cli("download", "--dest", tmp.resolve("d").toString(), "--base-url", "http://127.0.0.1:9/x/");
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ac1-explorer: no CRCNS account: set CRCNS_USERNAME and CRCNS_PASSWORD"), r.err());
    }

    @Test
    void missingCredentialsAreReportedBeforeAnyNetwork() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> command(Map.of("CRCNS_USERNAME", "someone"), "--dest", tmp.toString(), "--base-url", "http://127.0.0.1:9/x/"));
        assertTrue(e.getMessage().contains("CRCNS_PASSWORD") && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void aPasswordInABaseUrlIsNeverEchoed() {
        for (String url : new String[] {"https://me:s3cr3t@portal example/x", "http://me:s3cr3t@portal.nersc.gov/x/",
                "https://me:s3cr3t@/x", "me:s3cr3t@portal.nersc.gov"}) {
            CliRun r = cli("download", "--dest", tmp.toString(), "--base-url", url);
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("--base-url"), r.err());
            assertFalse(r.err().contains("s3cr3t"), r.err());
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        CliRun http = cli("download", "--dest", tmp.toString(), "--base-url", "http://portal.nersc.gov/project/crcns/download/");
        assertEquals(2, http.status());
        assertTrue(http.err().contains("--base-url") && http.err().contains("https"), http.err());
        CliRun only = cli("download", "--dest", tmp.toString(), "--only", "crcns-ac2");
        assertEquals(2, only.status());
        assertTrue(only.err().contains("unknown archive \"crcns-ac2\""), only.err());
        assertEquals(2, cli("download").status());
    }

    @Test
    void downloadsFromTheGivenPortalAndSkipsOnTheSecondRun() throws Exception {
        try (FakePortal portal = new FakePortal()) {
            Map<String, String> env = Map.of("CRCNS_USERNAME", FakePortal.USER, "CRCNS_PASSWORD", FakePortal.PASSWORD);
            Path dest = tmp.resolve("data");
            CliRun r = command(env, "--dest", dest.toString(), "--only", "crcns-ac1,asari-results-2", "--base-url", portal.base().toString());
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("crcns-ac1.zip: downloaded"), r.out());
            assertArrayEquals(portal.file("crcns-ac1.zip"), Files.readAllBytes(dest.resolve("crcns-ac1.zip")));
            assertTrue(Files.exists(dest.resolve("crcns-ac1-asari-results-2.zip")));
            assertFalse(Files.exists(dest.resolve(CrcnsDownloader.ARCHIVES.get(1))));
            CliRun again = command(env, "--dest", dest.toString(), "--base-url", portal.base().toString());
            assertEquals(0, again.status(), again.err());
            assertTrue(again.out().contains("crcns-ac1.zip: already present"), again.out());
            assertTrue(again.out().contains("crcns-ac1-asari-results-1.zip: downloaded"), again.out());
        }
    }

    @Test
    void wrongPasswordExitsNonZeroWithoutShowingIt() throws Exception {
        try (FakePortal portal = new FakePortal()) {
            String wrong = "hunter2-" + FakePortal.PASSWORD;
            CliRun r = command(Map.of("CRCNS_USERNAME", FakePortal.USER, "CRCNS_PASSWORD", wrong),
                    "--dest", tmp.toString(), "--base-url", portal.base().toString());
            assertEquals(1, r.status());
            assertTrue(r.err().contains("CRCNS login failed"), r.err());
            assertFalse((r.out() + r.err()).contains(wrong));
            try (var files = Files.list(tmp)) {
                assertEquals(0, files.count());
            }
        }
    }
}
