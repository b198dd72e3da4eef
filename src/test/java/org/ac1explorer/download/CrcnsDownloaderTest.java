package org.ac1explorer.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.download.ArchiveResult.Failure;
import org.ac1explorer.download.ArchiveResult.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CrcnsDownloaderTest {
    private static final String MAIN = "crcns-ac1.zip";
    private static final String R1 = "crcns-ac1-asari-results-1.zip";
    private static final String R2 = "crcns-ac1-asari-results-2.zip";
    private static final DownloadOptions FAST = DownloadOptions.DEFAULTS
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(10))
            .withRetries(3, Duration.ZERO);

    @TempDir
    Path dest;
    FakePortal portal;
    /** Every text the downloader produced: progress messages, result messages, exception messages. */
    final List<String> texts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        portal = new FakePortal();
    }

    @AfterEach
    void stop() {
        portal.close();
        for (String t : texts) {
            assertFalse(t.contains(FakePortal.PASSWORD), "password leaked into: " + t);
        }
    }

    /** Records progress; cancels once {@code cancelAt} bytes were reported. */
    class Recorder implements ProgressMonitor {
        final List<long[]> calls = new CopyOnWriteArrayList<>();
        volatile long cancelAt = Long.MAX_VALUE;
        volatile boolean cancelled;

        @Override
        public void progress(long done, long total, String message) {
            calls.add(new long[] {done, total});
            texts.add(message);
            if (done >= cancelAt) {
                cancelled = true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }
    }

    private CrcnsDownloader downloader(DownloadOptions options) {
        return new CrcnsDownloader(portal.base(), CrcnsDownloader.newHttpClient(Duration.ofSeconds(5)), options);
    }

    private static Credentials account() {
        return new Credentials(FakePortal.USER, FakePortal.PASSWORD.toCharArray());
    }

    private List<ArchiveResult> run(DownloadOptions options, ProgressMonitor monitor, String... names) throws IOException {
        try (Credentials c = account()) {
            List<ArchiveResult> r = downloader(options).download(dest, List.of(names), c, monitor);
            r.forEach(a -> texts.add(a.message() + " " + a));
            return r;
        }
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dest)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path part(String name) {
        return dest.resolve(name + CrcnsDownloader.PART_SUFFIX);
    }

    @Test
    void downloadsAllThreeWithTheLoginForm() throws IOException {
        Recorder rec = new Recorder();
        List<ArchiveResult> results = run(FAST, rec);
        assertEquals(3, results.size());
        for (ArchiveResult r : results) {
            assertEquals(Status.DOWNLOADED, r.status(), r.message());
            assertArrayEquals(portal.file(r.name()), Files.readAllBytes(dest.resolve(r.name())), r.name());
            assertEquals(portal.file(r.name()).length, r.bytes());
        }
        assertEquals(List.of(R1, R2, MAIN), listing());
        // The form as the CRCNS portal expects it.
        List<FakePortal.Seen> posts = portal.posts();
        assertEquals(3, posts.size());
        assertEquals(List.of("ac-1/" + MAIN, "ac-1/" + R1, "ac-1/" + R2), posts.stream().map(FakePortal.Seen::fn).toList());
        for (FakePortal.Seen s : posts) {
            assertEquals(FakePortal.PATH + "index.php", s.path());
            assertEquals(FakePortal.USER, s.user());
            assertTrue(s.passwordOk());
            assertEquals("Login", s.submit());
            assertEquals("application/x-www-form-urlencoded", s.contentType());
            assertNull(s.range());
        }
        // Progress: bytes, percentage and rate on one line; ends at the total.
        assertTrue(texts.stream().anyMatch(t -> t.startsWith(MAIN) && t.contains("%") && t.contains("/s")), texts.toString());
        long[] lastOfMain = rec.calls.stream().filter(c -> c[1] == portal.file(MAIN).length).reduce((a, b) -> b).orElseThrow();
        assertEquals(portal.file(MAIN).length, lastOfMain[0]);
    }

    @Test
    void resumesWithRangeAfterADroppedConnection() throws IOException {
        portal.dropAfter = 70_000;
        portal.dropTimes.set(1);
        List<ArchiveResult> r = run(FAST, null, MAIN);
        assertEquals(Status.DOWNLOADED, r.get(0).status(), r.get(0).message());
        assertArrayEquals(portal.file(MAIN), Files.readAllBytes(dest.resolve(MAIN)));
        List<FakePortal.Seen> posts = portal.posts();
        assertEquals(2, posts.size());
        assertNull(posts.get(0).range());
        assertTrue(posts.get(1).range() != null && posts.get(1).range().matches("bytes=\\d+-"), posts.toString());
        long resumedAt = Long.parseLong(posts.get(1).range().replaceAll("\\D", ""));
        assertTrue(resumedAt > 0 && resumedAt <= 70_000, "resumed at " + resumedAt);
        assertEquals(206, posts.get(1).status());
        assertEquals(List.of(MAIN), listing());
    }

    @Test
    void keepsThePartAcrossRunsAndResumesNextTime() throws IOException {
        portal.dropAfter = 100_000;
        portal.dropTimes.set(1);
        DownloadOptions once = FAST.withRetries(1, Duration.ZERO);
        ArchiveResult first = run(once, null, R1).get(0);
        assertEquals(Status.FAILED, first.status());
        assertEquals(Failure.NETWORK, first.failure());
        assertTrue(first.message().contains("resume"), first.message());
        assertFalse(Files.exists(dest.resolve(R1)));
        long kept = Files.size(part(R1));
        assertTrue(kept > 0 && kept <= 100_000, "kept " + kept);
        assertEquals(kept, first.bytes());
        assertArrayEquals(Arrays.copyOf(portal.file(R1), (int) kept), Files.readAllBytes(part(R1)));

        ArchiveResult second = run(once, null, R1).get(0);
        assertEquals(Status.DOWNLOADED, second.status(), second.message());
        assertEquals("bytes=" + kept + "-", portal.posts().get(1).range());
        assertArrayEquals(portal.file(R1), Files.readAllBytes(dest.resolve(R1)));
        assertEquals(List.of(R1), listing());
    }

    @Test
    void serverIgnoringRangeRestartsCleanly() throws IOException {
        portal.honourRange = false;
        byte[] garbage = new byte[30_000];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(part(MAIN), garbage);
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Status.DOWNLOADED, r.status(), r.message());
        assertEquals("bytes=30000-", portal.posts().get(0).range());
        assertEquals(200, portal.posts().get(0).status());
        assertArrayEquals(portal.file(MAIN), Files.readAllBytes(dest.resolve(MAIN)));
        assertEquals(List.of(MAIN), listing());
    }

    @Test
    void serverIgnoringRangeAfterADropStillEndsIdentical() throws IOException {
        portal.honourRange = false;
        portal.dropAfter = 50_000;
        portal.dropTimes.set(1);
        ArchiveResult r = run(FAST, null, R2).get(0);
        assertEquals(Status.DOWNLOADED, r.status(), r.message());
        assertArrayEquals(portal.file(R2), Files.readAllBytes(dest.resolve(R2)));
    }

    @Test
    void wrongPasswordIsAClearAccountErrorAndLeavesNothing() throws IOException {
        byte[] earlier = {'P', 'K', 3, 4, 1, 2, 3};
        Files.write(part(R1), earlier);
        Recorder rec = new Recorder();
        List<ArchiveResult> results;
        String wrong = FakePortal.PASSWORD + "x";
        try (Credentials c = new Credentials(FakePortal.USER, wrong.toCharArray())) {
            results = downloader(FAST).download(dest, List.of(), c, rec);
        }
        results.forEach(a -> texts.add(a.message() + " " + a));
        ArchiveResult main = results.get(0);
        assertEquals(Status.FAILED, main.status());
        assertEquals(Failure.LOGIN, main.failure());
        assertTrue(main.message().contains("CRCNS login failed") && main.message().contains("username or password"),
                main.message());
        assertEquals(Failure.NOT_ATTEMPTED, results.get(1).failure());
        assertEquals(Failure.NOT_ATTEMPTED, results.get(2).failure());
        assertEquals(1, portal.posts().size(), "no retries and no further archives after a rejected login");
        assertFalse(Files.exists(dest.resolve(MAIN)));
        assertFalse(Files.exists(part(MAIN)), "the login page must not be saved");
        assertArrayEquals(earlier, Files.readAllBytes(part(R1)), "an earlier .part is left alone");
        for (String t : texts) {
            assertFalse(t.contains(wrong), t);
            assertFalse(t.contains(FakePortal.USER), "no account names in messages: " + t);
        }
    }

    @Test
    void loginPageOnAResumeIsNotAppendedToThePart() throws IOException {
        byte[] prefix = Arrays.copyOf(portal.file(MAIN), 20_000);
        Files.write(part(MAIN), prefix);
        try (Credentials c = new Credentials("bob", "nope".toCharArray())) {
            ArchiveResult r = downloader(FAST).download(dest, List.of(MAIN), c, null).get(0);
            assertEquals(Failure.LOGIN, r.failure(), r.message());
        }
        assertArrayEquals(prefix, Files.readAllBytes(part(MAIN)));
    }

    @Test
    void credentialsNeverShowInToStringOrWireOutsideTheForm() {
        Credentials c = account();
        assertFalse(c.toString().contains(FakePortal.PASSWORD));
        assertFalse(c.toString().contains(FakePortal.USER));
        char[] pw = c.password();
        c.close();
        for (char ch : pw) {
            assertEquals('\0', ch);
        }
        assertThrows(IllegalArgumentException.class, () -> new Credentials(" ", "x".toCharArray()));
        assertTrue(Credentials.fromEnvironment(Map.of("CRCNS_USERNAME", "u")).isEmpty());
        assertTrue(Credentials.fromEnvironment(Map.of("CRCNS_USERNAME", "u", "CRCNS_PASSWORD", "p")).isPresent());
    }

    @Test
    void alreadyPresentArchiveIsSkippedWithoutARequest() throws IOException {
        Files.write(dest.resolve(MAIN), portal.file(MAIN));
        List<ArchiveResult> results = run(FAST, null, MAIN, R1);
        assertEquals(Status.SKIPPED, results.get(0).status(), results.get(0).message());
        assertTrue(results.get(0).message().contains("already present"));
        assertEquals(Status.DOWNLOADED, results.get(1).status());
        assertEquals(List.of("ac-1/" + R1), portal.posts().stream().map(FakePortal.Seen::fn).toList());
    }

    @Test
    void presentButIncompleteArchiveIsReportedAndLeftAlone() throws IOException {
        byte[] truncated = Arrays.copyOf(portal.file(MAIN), 1000);
        Files.write(dest.resolve(MAIN), truncated);
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Failure.EXISTING_FILE, r.failure());
        assertTrue(r.message().contains("not a complete zip archive"), r.message());
        assertArrayEquals(truncated, Files.readAllBytes(dest.resolve(MAIN)));
        assertTrue(portal.posts().isEmpty());
        // With a known size, a complete file of another size is not taken for the archive either.
        Files.write(dest.resolve(R1), portal.file(MAIN));
        ArchiveResult k = run(FAST.withKnownSizes(Map.of(R1, (long) portal.file(R1).length)), null, R1).get(0);
        assertEquals(Failure.EXISTING_FILE, k.failure(), k.message());
    }

    @Test
    void sizeMismatchWithTheKnownSizeIsDetected() throws IOException {
        long wrongSize = portal.file(MAIN).length + 10;
        ArchiveResult r = run(FAST.withKnownSizes(Map.of(MAIN, wrongSize)), null, MAIN).get(0);
        assertEquals(Status.FAILED, r.status());
        assertEquals(Failure.SIZE_MISMATCH, r.failure());
        assertTrue(r.message().contains("size mismatch") && r.message().contains(Long.toString(wrongSize)), r.message());
        assertEquals(1, portal.posts().size(), "a size mismatch is not retried");
        assertFalse(Files.exists(dest.resolve(MAIN)));
    }

    @Test
    void knownSizeMatchingPassesAndAnOversizedPartIsDiscarded() throws IOException {
        long size = portal.file(R2).length;
        Files.write(part(R2), new byte[(int) size + 5]);
        ArchiveResult r = run(FAST.withKnownSizes(Map.of(R2, size)), null, R2).get(0);
        assertEquals(Status.DOWNLOADED, r.status(), r.message());
        assertNull(portal.posts().get(0).range(), "an oversized .part is restarted from zero");
        assertArrayEquals(portal.file(R2), Files.readAllBytes(dest.resolve(R2)));
    }

    @Test
    void connectionThatAlwaysEndsEarlyFailsAndKeepsThePart() throws IOException {
        portal.honourRange = false;
        portal.dropAfter = 40_000;
        portal.dropTimes.set(100);
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Failure.NETWORK, r.failure(), r.message());
        assertTrue(r.message().contains("gave up after 3 attempts"), r.message());
        assertEquals(3, portal.posts().size());
        assertFalse(Files.exists(dest.resolve(MAIN)));
        assertTrue(Files.exists(part(MAIN)));
    }

    @Test
    void completePartFromAnEarlierRunIsFinishedVia416() throws IOException {
        Files.write(part(MAIN), portal.file(MAIN));
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Status.DOWNLOADED, r.status(), r.message());
        assertEquals(416, portal.posts().get(0).status());
        assertArrayEquals(portal.file(MAIN), Files.readAllBytes(dest.resolve(MAIN)));
        assertEquals(List.of(MAIN), listing());
    }

    @Test
    void plainHttpIsRefusedExceptOnLoopback() {
        var client = CrcnsDownloader.newHttpClient(Duration.ofSeconds(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CrcnsDownloader(URI.create("http://portal.nersc.gov/project/crcns/download/"), client));
        assertTrue(e.getMessage().contains("https"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CrcnsDownloader(URI.create("http://10.0.0.1/x/"), client));
        assertThrows(IllegalArgumentException.class, () -> new CrcnsDownloader(URI.create("ftp://127.0.0.1/x/"), client));
        assertThrows(IllegalArgumentException.class,
                () -> new CrcnsDownloader(URI.create("https://user:pw@portal.nersc.gov/x/"), client));
        assertEquals(URI.create("https://portal.nersc.gov/project/crcns/download/index.php"),
                new CrcnsDownloader(CrcnsDownloader.DEFAULT_BASE_URI, client).endpoint());
        assertEquals(URI.create("http://localhost:8080/d/index.php"),
                new CrcnsDownloader(URI.create("http://localhost:8080/d"), client).endpoint());
        assertEquals(URI.create("http://127.0.0.1:1/x/index.php"),
                new CrcnsDownloader(URI.create("http://127.0.0.1:1/x/index.php"), client).endpoint());
    }

    @Test
    void redirectToPlainHttpElsewhereIsNotFollowed() throws IOException {
        portal.redirectStatus = 302;
        portal.redirectLocation = "http://example.org/steal";
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.message().contains("not https"), r.message());
        assertEquals(1, portal.seen.size());
    }

    @Test
    void loginFormIsNotResentToAnotherHostOn307() throws IOException {
        portal.redirectStatus = 307;
        portal.redirectLocation = "https://other.example/index.php";
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Status.FAILED, r.status());
        assertTrue(r.message().contains("another host"), r.message());
    }

    @Test
    void sameOrigin307IsFollowedWithTheForm() throws IOException {
        portal.redirectStatus = 307;
        portal.redirectLocation = FakePortal.PATH + "index.php";
        ArchiveResult r = run(FAST, null, MAIN).get(0);
        assertEquals(Status.DOWNLOADED, r.status(), r.message());
        assertEquals(2, portal.posts().size());
    }

    @Test
    void stalledTransferTimesOutAndResumes() throws IOException {
        portal.stallAfter = 60_000;
        portal.stallMillis = 3_000;
        portal.stallTimes.set(1);
        DownloadOptions impatient = FAST.withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(400));
        ArchiveResult r = run(impatient, null, MAIN).get(0);
        assertEquals(Status.DOWNLOADED, r.status(), r.message());
        // a second request resuming with Range proves the 400 ms read timeout cut the 3 s stall short
        assertEquals(2, portal.posts().size());
        assertNotNull(portal.posts().get(1).range());
        assertArrayEquals(portal.file(MAIN), Files.readAllBytes(dest.resolve(MAIN)));
    }

    @Test
    void aSilentServerIsShownStallingAndGivenUpOnAfterTheAttempts() throws IOException {
        portal.stallAfter = 60_000;
        portal.stallMillis = 5_000;
        portal.stallTimes.set(3);
        Recorder rec = new Recorder();
        DownloadOptions impatient = FAST.withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(600));
        ArchiveResult r = run(impatient, rec, MAIN).get(0);
        assertEquals(Status.FAILED, r.status(), r.message());
        assertTrue(r.message().contains("no data from the server for 600 ms") && r.message().contains("gave up after 3 attempts"),
                r.message());
        assertTrue(rec.calls.size() > 0 && texts.stream().anyMatch(t -> t.contains("(no data from the server for")
                && t.contains("gives up at 600 ms")), String.join(" | ", texts));
        assertTrue(Files.exists(part(MAIN)), "the part is kept for a later resume");
    }

    @Test
    void theDefaultStallTimeoutIsAMinute() {
        assertEquals(Duration.ofSeconds(60), DownloadOptions.DEFAULTS.stallTimeout());
    }

    @Test
    void cancellationLeavesOnlyThePart() throws IOException {
        portal.chunkDelayMillis = 5;
        // cancel once 50 kB are on disk: the downloader asks before every read, whereas progress
        // reports are spaced in time (on a loaded machine the file could finish between two)
        Recorder rec = new Recorder() {
            @Override
            public boolean isCancelled() {
                try {
                    return Files.exists(part(MAIN)) && Files.size(part(MAIN)) >= 50_000;
                } catch (IOException e) {
                    return false;
                }
            }
        };
        try (Credentials c = account()) {
            CancellationException e = assertThrows(CancellationException.class,
                    () -> downloader(FAST).download(dest, List.of(), c, rec));
            texts.add(String.valueOf(e.getMessage()));
        }
        assertEquals(List.of(MAIN + ".part"), listing());
        long kept = Files.size(part(MAIN));
        assertTrue(kept >= 50_000 && kept < portal.file(MAIN).length, "kept " + kept);
        assertArrayEquals(Arrays.copyOf(portal.file(MAIN), (int) kept), Files.readAllBytes(part(MAIN)));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void cancellationWhileWaitingForTheServerIsPrompt() throws Exception {
        portal.stallAfter = 0;
        portal.stallMillis = 20_000;
        portal.stallTimes.set(1);
        Recorder rec = new Recorder();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try (Credentials c = account()) {
                downloader(FAST).download(dest, List.of(MAIN), c, rec);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        Thread.sleep(500);
        rec.cancelled = true;
        t.join(5_000);
        assertFalse(t.isAlive(), "cancelled well before the server's 20 s stall ends");
        assertTrue(outcome.get() instanceof CancellationException, String.valueOf(outcome.get()));
        assertFalse(Files.exists(dest.resolve(MAIN)));
    }

    @Test
    void threadInterruptCancelsAndKeepsThePart() throws Exception {
        portal.chunkDelayMillis = 5;
        // the transfer pauses at 40 kB (shorter than the stall timeout) so it cannot finish before the interrupt
        portal.stallTimes.set(1);
        portal.stallAfter = 40_000;
        portal.stallMillis = 8_000;
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        List<Long> progress = new ArrayList<>();
        Thread t = new Thread(() -> {
            try (Credentials c = account()) {
                downloader(FAST).download(dest, List.of(MAIN), c, new ProgressMonitor() {
                    @Override
                    public void progress(long done, long total, String message) {
                        synchronized (progress) {
                            progress.add(done);
                        }
                    }
                });
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        t.start();
        while (true) {
            synchronized (progress) {
                if (!progress.isEmpty() && progress.get(progress.size() - 1) > 30_000) {
                    break;
                }
            }
            Thread.sleep(5);
        }
        t.interrupt();
        t.join(5_000);
        assertFalse(t.isAlive());
        assertTrue(outcome.get() instanceof CancellationException, String.valueOf(outcome.get()));
        assertEquals(List.of(MAIN + ".part"), listing());
    }

    @Test
    void aPartLockedByAnotherDownloadIsNotTouched() throws IOException {
        byte[] prefix = Arrays.copyOf(portal.file(MAIN), 10_000);
        Files.write(part(MAIN), prefix);
        try (var ch = java.nio.channels.FileChannel.open(part(MAIN), java.nio.file.StandardOpenOption.WRITE);
                var lock = ch.lock()) {
            assertTrue(lock.isValid(), "this test holds the lock");
            ArchiveResult r = run(FAST, null, MAIN).get(0);
            assertEquals(Failure.LOCAL_IO, r.failure(), r.message());
            assertTrue(r.message().contains("another download"), r.message());
        }
        assertArrayEquals(prefix, Files.readAllBytes(part(MAIN)));
        assertFalse(Files.exists(dest.resolve(MAIN)));
    }

    @Test
    void unknownArchiveNameIsRefused() {
        try (Credentials c = account()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> downloader(FAST).download(dest, List.of("../evil.zip"), c, null));
            assertTrue(e.getMessage().contains("unknown archive"));
        }
        assertEquals("crcns-ac1-asari-results-2.zip", CrcnsDownloader.archiveName("asari-results-2").orElseThrow());
        assertEquals(MAIN, CrcnsDownloader.archiveName("crcns-ac1").orElseThrow());
        assertEquals(R1, CrcnsDownloader.archiveName("CRCNS-AC1-ASARI-RESULTS-1.ZIP").orElseThrow());
    }

    @Test
    void passwordOnlyTravelsInTheFormBody() throws IOException {
        run(FAST, null, MAIN);
        assertEquals(1, portal.rawBodies.size());
        String body = portal.rawBodies.get(0);
        assertTrue(body.startsWith("username=") && body.contains("&fn=ac-1%2Fcrcns-ac1.zip&submit=Login"), body);
        assertFalse(body.contains(FakePortal.PASSWORD), "the password is form-encoded");
        for (Path p : Files.list(dest).toList()) {
            String content = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertFalse(content.contains("password"), p.toString());
        }
    }
}
