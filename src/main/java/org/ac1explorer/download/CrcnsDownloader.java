package org.ac1explorer.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.download.ArchiveResult.Failure;
import org.ac1explorer.download.ArchiveResult.Status;

/**
 * Downloads the three CRCNS-AC1 archives with a CRCNS.org account, resuming interrupted transfers.
 *
 * <h2>The CRCNS protocol, and where each detail comes from</h2>
 * <ul>
 * <li>Files are served by {@code https://portal.nersc.gov/project/crcns/download/index.php}: an
 * {@code application/x-www-form-urlencoded} POST of {@code username}, {@code password}, {@code fn}
 * (the path under {@code download/}) and {@code submit=Login} answers with the file itself. The
 * endpoint and fields are those of the portal's login form, quoted in a public download script, and
 * of gallantlab/voxelwise_tutorials ({@code voxelwise_tutorials/io.py}, {@code download_crcns}) and
 * urancon/deepSTRF ({@code deepSTRF/utils/data_download.py}, {@code crcns_download}; deepSTRF posts
 * the same form to {@code download/<fn>} instead of {@code index.php}, the form's own action). See
 * {@link LoginForm}.</li>
 * <li>The archives are {@code fn = ac-1/crcns-ac1.zip}, {@code ac-1/crcns-ac1-asari-results-1.zip},
 * {@code ac-1/crcns-ac1-asari-results-2.zip} (deepSTRF, {@code deepSTRF/datasets/audio/crcns_ac1.py},
 * {@code _AC1_DOWNLOAD_SPECS}).</li>
 * <li>A wrong username or password is answered with {@code 200 OK} and the HTML login form, not
 * 401 (deepSTRF {@code crcns_download}: "NERSC returns 200 + the login form HTML on auth failure (no
 * 401)"; it sniffs the first chunk for {@code <form} and {@code password}). Here: a
 * {@code text/html} content type or a body that does not start with the zip magic
 * {@code PK\3\4} is never written to disk; an HTML page mentioning a password is reported as a
 * rejected account.</li>
 * <li>Range support of the portal is <em>not documented anywhere we found</em>, and HTTP
 * (RFC 9110 §14.2) defines range handling for GET only, so the portal may well ignore the
 * {@code Range} header on the login POST. Resuming therefore sends {@code Range: bytes=N-} and
 * accepts both answers: {@code 206} with a matching {@code Content-Range} is appended to the
 * {@code .part}; {@code 200} means the server ignored the range and the download restarts cleanly
 * from byte 0.</li>
 * <li>Redirects are followed only to https URLs (or the loopback test server); the login form is
 * re-sent only on a 307/308 to the same origin. A cookie store keeps a session cookie, should the
 * portal set one on the login answer (the anonymous-login flow of the portal does).</li>
 * </ul>
 *
 * <p>Files: an archive is written to {@code DEST/<name>.part} and renamed to {@code DEST/<name>}
 * only when complete (size as announced by Content-Length / Content-Range and as in
 * {@link DownloadOptions#knownSizes()}, starts with the zip magic and ends with a zip
 * end-of-central-directory record). An archive already present and complete is skipped; one present
 * but incomplete is reported and left alone (never overwritten). Credentials never reach the disk, a
 * message or an exception.
 *
 * <p>An instance is immutable and may be shared; each {@link #download} call is independent.
 */
public final class CrcnsDownloader {
    /** The CRCNS data portal (hosted at NERSC). */
    public static final URI DEFAULT_BASE_URI = URI.create("https://portal.nersc.gov/project/crcns/download/");
    /** Folder of the AC1 data set on the portal. */
    public static final String DATASET_FOLDER = "ac-1";
    /** The three archives, in the order they are fetched. */
    public static final List<String> ARCHIVES = List.of("crcns-ac1.zip", "crcns-ac1-asari-results-1.zip",
            "crcns-ac1-asari-results-2.zip");
    /** Suffix of the file an archive is downloaded into before it is complete. */
    public static final String PART_SUFFIX = ".part";

    private static final int BUFFER = 64 * 1024;
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private static final int MAX_REDIRECTS = 5;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final URI endpoint;
    private final HttpClient client;
    private final DownloadOptions options;

    /** With {@link DownloadOptions#DEFAULTS}. */
    public CrcnsDownloader(URI baseUri, HttpClient client) {
        this(baseUri, client, DownloadOptions.DEFAULTS);
    }

    /**
     * @param baseUri the portal's download folder ({@link #DEFAULT_BASE_URI}) or its
     *                {@code index.php}; https, or http on 127.0.0.1/localhost for tests
     * @param client  e.g. {@link #newHttpClient(Duration)}; it should not follow redirects itself
     * @throws IllegalArgumentException for a plain-http non-loopback or otherwise unusable URL
     */
    public CrcnsDownloader(URI baseUri, HttpClient client, DownloadOptions options) {
        Objects.requireNonNull(baseUri, "baseUri");
        TransportPolicy.check(baseUri, "the download URL");
        this.endpoint = endpointOf(baseUri);
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A client suited to the portal: HTTP/1.1, the given connect timeout, no automatic redirects
     * (this class follows them under its own rules), a private cookie store.
     */
    public static HttpClient newHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
    }

    /** The URL the login form is posted to. */
    public URI endpoint() {
        return endpoint;
    }

    public DownloadOptions options() {
        return options;
    }

    static URI endpointOf(URI base) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        if (path.endsWith(".php")) {
            return base;
        }
        URI dir = path.endsWith("/") ? base : URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "/");
        return dir.resolve("index.php");
    }

    /**
     * The archive name for a user's spelling: the file name, without {@code .zip}, or the short
     * forms {@code ac1}, {@code asari-results-1}, {@code asari-results-2}; empty if unknown.
     */
    public static Optional<String> archiveName(String spelling) {
        String s = spelling.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".zip")) {
            s = s.substring(0, s.length() - 4);
        }
        for (String a : ARCHIVES) {
            String base = a.substring(0, a.length() - 4);
            if (s.equals(base) || s.equals(base.replace("crcns-ac1-", "")) || (a.equals(ARCHIVES.get(0)) && s.equals("ac1"))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * Downloads {@code names} (a subset of {@link #ARCHIVES}; empty means all three) into
     * {@code dest}, creating it if needed. Archives are fetched one after another; a failure of one
     * does not stop the others, except a rejected account, after which nothing more is tried.
     *
     * <p>{@code monitor} receives per-archive progress: bytes done and total (−1 when unknown), and a
     * one-line message with the archive name, bytes, percentage and rate. Cancelling it (or
     * interrupting the calling thread) stops within about a tenth of a second with a
     * {@link CancellationException}; the {@code .part} file stays for a later resume.
     *
     * @return one result per requested archive, in the order given
     * @throws IllegalArgumentException for an unknown archive name
     * @throws IOException              when {@code dest} cannot be created
     */
    public List<ArchiveResult> download(Path dest, List<String> names, Credentials credentials, ProgressMonitor monitor)
            throws IOException {
        Objects.requireNonNull(dest, "dest");
        Objects.requireNonNull(credentials, "credentials");
        ProgressMonitor mon = monitor == null ? ProgressMonitor.NONE : monitor;
        List<String> wanted = new ArrayList<>();
        for (String n : names.isEmpty() ? ARCHIVES : names) {
            String a = archiveName(n).orElseThrow(() -> new IllegalArgumentException(
                    "unknown archive \"" + n + "\" (known: " + String.join(", ", ARCHIVES) + ")"));
            if (!wanted.contains(a)) {
                wanted.add(a);
            }
        }
        Files.createDirectories(dest);
        List<ArchiveResult> results = new ArrayList<>();
        boolean loginRejected = false;
        for (String name : wanted) {
            checkCancelled(mon);
            ArchiveResult r;
            if (loginRejected) {
                r = new ArchiveResult(name, Status.FAILED, dest.resolve(name), partSize(dest, name),
                        Failure.NOT_ATTEMPTED, name + ": not tried, the CRCNS account was rejected");
            } else {
                r = fetch(dest, name, credentials, mon);
                loginRejected = r.failure() == Failure.LOGIN;
            }
            results.add(r);
        }
        return results;
    }

    // ---------------------------------------------------------------------------------------------

    private ArchiveResult fetch(Path dest, String name, Credentials credentials, ProgressMonitor mon) {
        Path target = dest.resolve(name);
        Path part = dest.resolve(name + PART_SUFFIX);
        Long known = options.knownSizes().get(name);
        try {
            if (Files.exists(target)) {
                return checkPresent(name, target, known);
            }
        } catch (IOException e) {
            return failed(name, target, part, Failure.LOCAL_IO, name + ": cannot read " + target + ": " + describe(e));
        }
        AttemptFailure last = null;
        for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
            if (attempt > 1) {
                pause(options.retryDelay().multipliedBy(1L << Math.min(attempt - 2, 10)), mon);
                mon.progress(0, -1, name + ": retrying (attempt " + attempt + " of " + options.maxAttempts() + ") after: "
                        + last.getMessage());
            }
            try {
                long size = attempt(name, part, known, credentials, mon);
                finish(name, part, target, known, size);
                return new ArchiveResult(name, Status.DOWNLOADED, target, size, null,
                        name + ": downloaded, " + Bytes.format(size));
            } catch (AttemptFailure f) {
                last = f;
                if (!f.retryable) {
                    break;
                }
            }
        }
        String msg = name + ": " + last.getMessage();
        if (last.retryable && options.maxAttempts() > 1) {
            msg += " (gave up after " + options.maxAttempts() + " attempts)";
        }
        if (last.kind == Failure.NETWORK && partSize(part) > 0) {
            msg += "; run the download again to resume from the " + Bytes.format(partSize(part)) + " already received";
        }
        return failed(name, target, part, last.kind, msg);
    }

    private ArchiveResult checkPresent(String name, Path target, Long known) throws IOException {
        if (Files.isDirectory(target)) {
            return new ArchiveResult(name, Status.FAILED, target, 0, Failure.EXISTING_FILE,
                    name + ": " + target + " is a folder; move it away to download the archive");
        }
        long size = Files.size(target);
        if (known != null && size != known) {
            return new ArchiveResult(name, Status.FAILED, target, size, Failure.EXISTING_FILE, name + ": " + target + " has "
                    + size + " bytes, expected " + known + "; move it away to download it again");
        }
        if (!ZipCheck.isCompleteZip(target)) {
            return new ArchiveResult(name, Status.FAILED, target, size, Failure.EXISTING_FILE, name + ": " + target
                    + " is not a complete zip archive (" + Bytes.format(size) + "); move it away to download it again");
        }
        return new ArchiveResult(name, Status.SKIPPED, target, size, null, name + ": already present, " + Bytes.format(size));
    }

    /** One request; returns the size of the complete {@code .part}. */
    private long attempt(String name, Path part, Long known, Credentials credentials, ProgressMonitor mon)
            throws AttemptFailure {
        try {
            return transfer(name, part, known, credentials, mon);
        } catch (LocalWriteException e) {
            checkCancelled(mon); // an interrupt closes the file channel: that is a cancel, not a disk problem
            throw new AttemptFailure(Failure.LOCAL_IO, false, "cannot write " + part + ": " + describe(e.local()));
        } catch (BodyStream.StallException e) {
            throw new AttemptFailure(Failure.NETWORK, true, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            checkCancelled(mon);
            throw network(e);
        }
    }

    private long transfer(String name, Path part, Long known, Credentials credentials, ProgressMonitor mon)
            throws IOException, AttemptFailure {
        long offset = partSize(part);
        if (known != null && offset > known) {
            Files.delete(part);
            offset = 0;
        }
        if (known != null && offset == known && offset > 0) {
            return offset; // complete .part left by an earlier run that stopped before the rename
        }
        mon.progress(offset, known == null ? -1 : known, name + (offset > 0
                ? ": resuming after " + Bytes.format(offset) + " at " + endpoint.getHost()
                : ": logging in at " + endpoint.getHost()));
        String fn = DATASET_FOLDER + "/" + name;
        LoginForm form = LoginForm.of(credentials, fn);
        try {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(form, offset, mon);
            try (BodyStream body = new BodyStream(mon, options.stallTimeout())) {
                response.body().subscribe(body);
                return receive(name, part, known, offset, response, body, body.reporting());
            }
        } finally {
            form.clear();
        }
    }

    private long receive(String name, Path part, Long known, long offset, HttpResponse<?> response, BodyStream in,
            ProgressMonitor mon) throws IOException, AttemptFailure {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long start;
        long total;
        switch (status) {
            case 200 -> {
                start = 0; // a server that ignores Range sends the whole file: restart cleanly
                total = length;
            }
            case 206 -> {
                long[] cr = contentRange(response);
                if (cr == null || cr[0] != offset) {
                    Files.deleteIfExists(part);
                    throw new AttemptFailure(Failure.NETWORK, true, "the server answered the resume request with "
                            + "another range; starting again from the beginning");
                }
                start = offset;
                total = cr[2] >= 0 ? cr[2] : length >= 0 ? offset + length : -1;
            }
            case 416 -> {
                long[] cr = contentRange(response);
                if (cr != null && cr[2] == offset && offset > 0) {
                    return offset; // the .part already holds the whole file
                }
                Files.deleteIfExists(part);
                throw new AttemptFailure(Failure.NETWORK, true, "the server refused to resume; starting again from the beginning");
            }
            case 401, 403 -> throw loginRejected("HTTP " + status);
            case 404, 410 -> throw new AttemptFailure(Failure.NOT_FOUND, false,
                    "the server has no file " + DATASET_FOLDER + "/" + name + " (HTTP " + status + ")");
            default -> {
                boolean retry = status >= 500 || status == 408 || status == 429;
                throw new AttemptFailure(Failure.NETWORK, retry, "the server answered HTTP " + status);
            }
        }
        if (known != null && total >= 0 && total != known) {
            throw new AttemptFailure(Failure.SIZE_MISMATCH, false,
                    "size mismatch: the server announces " + total + " bytes, expected " + known);
        }
        // Look at the first bytes before anything touches the disk: the login page is never saved.
        byte[] head = new byte[8192];
        int headLen = in.readAtLeast(head, 0, type.contains("html") || start == 0 ? 4 : 0);
        boolean html = type.startsWith("text/html") || type.startsWith("application/xhtml");
        if (html || (start == 0 && !ZipCheck.startsWithZipMagic(head, headLen))) {
            headLen += in.readAtLeast(head, headLen, head.length - headLen);
            throw notAnArchive(head, headLen, html);
        }
        long received = 0;
        long expectedTotal = total >= 0 ? total : known != null ? known : -1;
        Rate rate = new Rate(start);
        if (start == 0 && offset > 0) {
            mon.progress(0, expectedTotal, name + ": the server cannot resume, downloading from the start");
        }
        try (FileChannel ch = openPart(part, start, offset)) {
            write(ch, head, headLen);
            received += headLen;
            byte[] buf = new byte[BUFFER];
            while (true) {
                checkCancelled(mon);
                if (expectedTotal >= 0 && start + received > expectedTotal) {
                    break;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                write(ch, buf, n);
                received += n;
                if (rate.due()) {
                    mon.progress(start + received, expectedTotal, rate.message(name, start + received, expectedTotal));
                }
            }
        }
        long written = start + received;
        mon.progress(written, expectedTotal, rate.message(name, written, expectedTotal));
        if (expectedTotal >= 0 && written > expectedTotal) {
            Files.deleteIfExists(part);
            throw new AttemptFailure(Failure.SIZE_MISMATCH, false, "size mismatch: received more than the "
                    + expectedTotal + " bytes " + (total >= 0 ? "announced" : "expected") + "; the partial file was removed");
        }
        if (expectedTotal >= 0 && written < expectedTotal) {
            throw new AttemptFailure(Failure.NETWORK, true, "the connection ended after " + written + " of " + expectedTotal + " bytes");
        }
        return written;
    }

    /**
     * Opens the {@code .part} under an exclusive lock (so two downloads cannot write the same file)
     * and positions it: emptied for a download from byte 0, at its end for a resume.
     */
    private static FileChannel openPart(Path part, long start, long offset) throws LocalWriteException, AttemptFailure {
        FileChannel ch;
        try {
            ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new LocalWriteException(e);
        }
        try {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new AttemptFailure(Failure.LOCAL_IO, false, "another download is writing " + part);
            }
            if (start == 0) {
                ch.truncate(0);
            } else if (ch.size() != offset) {
                throw new AttemptFailure(Failure.NETWORK, true, "the partial file " + part + " changed during the request");
            }
            ch.position(start);
            return ch;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new LocalWriteException(e);
        } catch (AttemptFailure | RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    private static void write(FileChannel ch, byte[] b, int n) throws LocalWriteException {
        try {
            ByteBuffer bb = ByteBuffer.wrap(b, 0, n);
            while (bb.hasRemaining()) {
                ch.write(bb);
            }
        } catch (IOException e) {
            throw new LocalWriteException(e);
        }
    }

    /** Writing the {@code .part} failed (disk full, permissions): not worth a retry. */
    static final class LocalWriteException extends IOException {
        private static final long serialVersionUID = 1L;

        LocalWriteException(IOException cause) {
            super(cause.getMessage(), cause);
        }

        IOException local() {
            return (IOException) getCause();
        }
    }

    private void finish(String name, Path part, Path target, Long known, long size) throws AttemptFailure {
        try {
            long onDisk = Files.size(part);
            if (onDisk != size || (known != null && onDisk != known)) {
                Files.deleteIfExists(part);
                throw new AttemptFailure(Failure.SIZE_MISMATCH, false, "size mismatch: " + onDisk + " bytes on disk, expected "
                        + (known != null ? known : size) + "; the partial file was removed");
            }
            if (!ZipCheck.isCompleteZip(part)) {
                Files.deleteIfExists(part);
                throw new AttemptFailure(Failure.NOT_AN_ARCHIVE, false,
                        "the received file is not a complete zip archive; the partial file was removed");
            }
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target);
            }
        } catch (IOException e) {
            throw new AttemptFailure(Failure.LOCAL_IO, false, "cannot finish " + target + ": " + describe(e));
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(LoginForm form, long offset, ProgressMonitor mon)
            throws IOException, AttemptFailure {
        URI uri = endpoint;
        boolean post = true;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(options.responseTimeout())
                    .header("User-Agent", "AC1-Explorer")
                    .header("Accept", "application/zip, application/octet-stream;q=0.9, */*;q=0.1");
            if (offset > 0) {
                b.header("Range", "bytes=" + offset + "-");
            }
            if (post) {
                b.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
            } else {
                b.GET();
            }
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> r = await(
                    client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofPublisher()), mon);
            int s = r.statusCode();
            Optional<String> location = r.headers().firstValue("Location");
            if (!(s == 301 || s == 302 || s == 303 || s == 307 || s == 308) || location.isEmpty()) {
                return r;
            }
            discard(r);
            URI next;
            try {
                next = uri.resolve(location.get().strip());
                TransportPolicy.check(next, "redirect target");
            } catch (IllegalArgumentException e) {
                throw new AttemptFailure(Failure.NETWORK, false, "the server redirected to an address that is not https; not followed");
            }
            if (s == 307 || s == 308) {
                if (post && !TransportPolicy.sameOrigin(uri, next)) {
                    throw new AttemptFailure(Failure.NETWORK, false, "the server asked to send the login form to another host ("
                            + next.getHost() + "); not followed");
                }
            } else {
                post = false;
            }
            uri = next;
        }
        throw new AttemptFailure(Failure.NETWORK, false, "too many redirects");
    }

    // ---------------------------------------------------------------------------------------------

    /** {start, end, total} from Content-Range; −1 for {@code *}; null when absent or malformed. */
    static long[] contentRange(HttpResponse<?> response) {
        Optional<String> v = response.headers().firstValue("Content-Range");
        if (v.isEmpty()) {
            return null;
        }
        Matcher m = CONTENT_RANGE.matcher(v.get().strip());
        if (!m.matches()) {
            return null;
        }
        try {
            long s = m.group(1) == null ? -1 : Long.parseLong(m.group(1));
            long e = m.group(2) == null ? -1 : Long.parseLong(m.group(2));
            long t = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
            return new long[] {s, e, t};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static AttemptFailure notAnArchive(byte[] head, int len, boolean htmlType) {
        String text = new String(head, 0, len, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        boolean html = htmlType || text.stripLeading().startsWith("<");
        if (html && (text.contains("password") || text.contains("login"))) {
            return loginRejected("the server answered with its login page instead of the archive");
        }
        return new AttemptFailure(Failure.NOT_AN_ARCHIVE, false, "the server sent " + (html ? "an HTML page" : "data that is not a zip archive")
                + " instead of the archive; nothing was saved");
    }

    private static AttemptFailure loginRejected(String evidence) {
        return new AttemptFailure(Failure.LOGIN, false, "CRCNS login failed: the username or password was not accepted ("
                + evidence + "); check CRCNS_USERNAME / CRCNS_PASSWORD or the account at https://crcns.org");
    }

    private static AttemptFailure network(Exception e) {
        if (e instanceof javax.net.ssl.SSLException) {
            return new AttemptFailure(Failure.NETWORK, false, "secure connection to the server failed (is its certificate "
                    + "trusted by this Java installation?): " + describe(e));
        }
        String what = e instanceof HttpTimeoutException ? "no answer from the server in time" : describe(e);
        return new AttemptFailure(Failure.NETWORK, true, "network error: " + what);
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? type : type + ": " + m;
    }

    /** Waits for the response headers in short slices, so a cancel or interrupt is prompt. */
    private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> future, ProgressMonitor mon) throws IOException {
        while (true) {
            if (mon.isCancelled() || Thread.currentThread().isInterrupted()) {
                future.cancel(true);
                throw new CancellationException("cancelled");
            }
            try {
                return future.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // check the monitor again
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                throw new IOException(c == null ? "request failed" : c.getMessage(), c);
            }
        }
    }

    private static void discard(HttpResponse<Flow.Publisher<List<ByteBuffer>>> r) {
        r.body().subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.cancel();
            }

            @Override
            public void onNext(List<ByteBuffer> item) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
    }

    private static void checkCancelled(ProgressMonitor mon) {
        if (mon.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    private static void pause(Duration d, ProgressMonitor mon) {
        long end = System.nanoTime() + d.toNanos();
        while (true) {
            checkCancelled(mon);
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, 100));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            }
        }
    }

    private static long partSize(Path dest, String name) {
        return partSize(dest.resolve(name + PART_SUFFIX));
    }

    private static long partSize(Path part) {
        try {
            return Files.isRegularFile(part) ? Files.size(part) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static ArchiveResult failed(String name, Path target, Path part, Failure kind, String message) {
        return new ArchiveResult(name, Status.FAILED, target, partSize(part), kind, message);
    }

    /** A failed attempt; {@code retryable} when another attempt may succeed. No stack trace needed. */
    static final class AttemptFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final Failure kind;
        final boolean retryable;

        AttemptFailure(Failure kind, boolean retryable, String message) {
            super(message, null, false, false);
            this.kind = kind;
            this.retryable = retryable;
        }
    }

    /** Progress text: bytes, percentage and the rate of this transfer. */
    private static final class Rate {
        private final long startBytes;
        private final long startNanos = System.nanoTime();
        private long lastReport;

        Rate(long startBytes) {
            this.startBytes = startBytes;
        }

        boolean due() {
            long now = System.nanoTime();
            if (now - lastReport < PROGRESS_INTERVAL_NANOS) {
                return false;
            }
            lastReport = now;
            return true;
        }

        String message(String name, long done, long total) {
            double secs = (System.nanoTime() - startNanos) / 1e9;
            double perSec = secs > 0.05 ? (done - startBytes) / secs : 0;
            StringBuilder sb = new StringBuilder(name).append("  ").append(Bytes.format(done));
            if (total > 0) {
                sb.append(" of ").append(Bytes.format(total))
                        .append(String.format(Locale.ROOT, " (%.1f%%)", 100.0 * done / total));
            }
            sb.append("  ").append(Bytes.format((long) perSec)).append("/s");
            return sb.toString();
        }
    }

    /** Zip sanity checks that need no zip library. */
    static final class ZipCheck {
        private ZipCheck() {
        }

        static boolean startsWithZipMagic(byte[] b, int len) {
            return len >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        }

        /** Starts with a local file header and ends with an end-of-central-directory record. */
        static boolean isCompleteZip(Path file) throws IOException {
            try (SeekableByteChannel ch = Files.newByteChannel(file, StandardOpenOption.READ)) {
                long size = ch.size();
                if (size < 22 + 4) {
                    return false;
                }
                ByteBuffer first = ByteBuffer.allocate(4);
                while (first.hasRemaining() && ch.read(first) > 0) {
                    // fill
                }
                if (!startsWithZipMagic(first.array(), first.position())) {
                    return false;
                }
                int tail = (int) Math.min(size, 22 + 65535);
                ByteBuffer buf = ByteBuffer.allocate(tail).order(ByteOrder.LITTLE_ENDIAN);
                ch.position(size - tail);
                while (buf.hasRemaining() && ch.read(buf) > 0) {
                    // fill
                }
                if (buf.hasRemaining()) {
                    return false;
                }
                for (int p = tail - 22; p >= 0; p--) {
                    if (buf.getInt(p) == 0x06054b50 && (buf.getShort(p + 20) & 0xffff) == tail - p - 22) {
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
