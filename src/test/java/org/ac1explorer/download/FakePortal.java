package org.ac1explorer.download;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.SSLContext;

/**
 * Imitates the CRCNS portal on 127.0.0.1: the login form POST to {@code index.php} with
 * {@code username}, {@code password}, {@code fn}, {@code submit=Login}; 200 + the HTML login page on
 * a wrong account; the file otherwise, honouring {@code Range: bytes=N-} (206 / 416) unless told
 * not to. Failures can be injected: drop the connection after some bytes, stall, throttle,
 * redirect.
 */
public final class FakePortal implements AutoCloseable {
    public static final String USER = "alice@example.org";
    public static final String PASSWORD = "Pw-7f3k&= ü%+Zq";
    static final String PATH = "/project/crcns/download/";

    /** One request as the server saw it (the password only as right/wrong). */
    record Seen(String method, String path, String fn, String user, boolean passwordOk, String submit, String range,
            String contentType, int status) {
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-portal");
        t.setDaemon(true);
        return t;
    });
    final Map<String, byte[]> files = new ConcurrentHashMap<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    /** Bodies of every POST, to prove the password never went anywhere else. */
    final List<String> rawBodies = new CopyOnWriteArrayList<>();

    volatile boolean honourRange = true;
    /** The next {@code dropTimes} transfers close the connection after {@code dropAfter} body bytes. */
    final AtomicInteger dropTimes = new AtomicInteger();
    volatile long dropAfter = -1;
    /** The next {@code stallTimes} transfers pause {@code stallMillis} after {@code stallAfter} bytes. */
    final AtomicInteger stallTimes = new AtomicInteger();
    volatile long stallAfter = -1;
    volatile long stallMillis;
    /** Pause after every 8 KiB chunk (for cancellation tests). */
    volatile long chunkDelayMillis;
    /** When set, the next POST is answered with this redirect status and Location. */
    volatile int redirectStatus;
    volatile String redirectLocation;

    private final String scheme;

    public FakePortal() throws IOException {
        this(null);
    }

    /** With {@code tls}: an HTTPS portal using that server context. */
    public FakePortal(SSLContext tls) throws IOException {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        if (tls == null) {
            server = HttpServer.create(loopback, 0);
            scheme = "http";
        } else {
            HttpsServer https = HttpsServer.create(loopback, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
            scheme = "https";
        }
        server.createContext(PATH, this::handle);
        server.setExecutor(pool);
        server.start();
        int i = 0;
        for (String a : CrcnsDownloader.ARCHIVES) {
            files.put("ac-1/" + a, zipBytes(a, 200_000 + 37_000 * i++));
        }
    }

    /** The base URL to configure the downloader with. */
    public URI base() {
        return URI.create(scheme + "://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public byte[] file(String archive) {
        return files.get("ac-1/" + archive);
    }

    List<Seen> posts() {
        return seen.stream().filter(s -> s.method().equals("POST")).toList();
    }

    /** A real zip (so end-of-central-directory checks pass) of deterministic incompressible bytes. */
    static byte[] zipBytes(String name, int payload) {
        byte[] data = new byte[payload];
        new Random(name.hashCode()).nextBytes(data);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bos)) {
            z.putNextEntry(new ZipEntry(name.replace(".zip", "") + "/data.bin"));
            z.write(data);
            z.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static final String LOGIN_PAGE = """
            <html><body>
            <h2>CRCNS.org data download</h2>
            <form action="/project/crcns/download/index.php" method="post">
               <input type="hidden" name="fn" value="ac-1" />
               <table>
               <tr><td>username:</td><td><input type="text" name="username" /></td></tr>
               <tr><td>password:</td><td><input type="password" name="password" /></td></tr>
               </table>
               <input type="submit" name="submit" value="Login" />
            </form></body></html>
            """;

    private void handle(HttpExchange ex) {
        try {
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            String ctype = ex.getRequestHeaders().getFirst("Content-Type");
            String range = ex.getRequestHeaders().getFirst("Range");
            Map<String, String> form = new HashMap<>();
            String raw = new String(body, StandardCharsets.US_ASCII);
            if (method.equals("POST")) {
                rawBodies.add(raw);
                for (String kv : raw.split("&")) {
                    int eq = kv.indexOf('=');
                    if (eq > 0) {
                        form.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                                URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            String path = ex.getRequestURI().getPath();
            if (method.equals("POST") && redirectStatus != 0) {
                int s = redirectStatus;
                redirectStatus = 0;
                record(ex, form, range, ctype, s);
                ex.getResponseHeaders().set("Location", redirectLocation);
                ex.sendResponseHeaders(s, -1);
                return;
            }
            if (!method.equals("POST") || !path.equals(PATH + "index.php")) {
                record(ex, form, range, ctype, 405);
                ex.sendResponseHeaders(405, -1);
                return;
            }
            boolean ok = USER.equals(form.get("username")) && PASSWORD.equals(form.get("password"))
                    && "Login".equals(form.get("submit"));
            if (!ok) {
                record(ex, form, range, ctype, 200);
                byte[] page = LOGIN_PAGE.getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
                ex.sendResponseHeaders(200, page.length);
                ex.getResponseBody().write(page);
                return;
            }
            byte[] file = files.get(form.get("fn"));
            if (file == null) {
                record(ex, form, range, ctype, 404);
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long from = 0;
            int status = 200;
            if (honourRange && range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                from = Long.parseLong(range.substring(6, range.length() - 1));
                if (from >= file.length) {
                    record(ex, form, range, ctype, 416);
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + file.length);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (file.length - 1) + "/" + file.length);
            }
            record(ex, form, range, ctype, status);
            ex.getResponseHeaders().set("Content-Type", "application/zip");
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            ex.sendResponseHeaders(status, file.length - from);
            OutputStream out = ex.getResponseBody();
            boolean drop = dropAfter >= 0 && dropTimes.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            boolean stall = stallAfter >= 0 && stallTimes.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            long sent = 0;
            for (long at = from; at < file.length;) {
                int n = (int) Math.min(8192, file.length - at);
                if (drop && sent + n > dropAfter) {
                    n = (int) Math.max(0, dropAfter - sent);
                }
                out.write(file, (int) at, n);
                out.flush();
                at += n;
                sent += n;
                if (drop && sent >= dropAfter) {
                    // Closing with bytes missing makes the JDK server close the connection.
                    throw new IOException("fake portal: dropping the connection after " + sent + " bytes");
                }
                if (stall && sent >= stallAfter) {
                    stall = false;
                    sleep(stallMillis);
                }
                if (chunkDelayMillis > 0) {
                    sleep(chunkDelayMillis);
                }
            }
        } catch (IOException e) {
            // The client went away or a drop was injected: fall through to close() with the body
            // unfinished, which makes the JDK server close the connection.
        } finally {
            ex.close();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(HttpExchange ex, Map<String, String> form, String range, String ctype, int status) {
        String pw = form.get("password");
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), form.get("fn"), form.get("username"),
                PASSWORD.equals(pw), form.get("submit"), range, ctype, status));
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
