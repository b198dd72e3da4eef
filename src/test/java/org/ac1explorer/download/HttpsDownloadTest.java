package org.ac1explorer.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.ac1explorer.download.ArchiveResult.Failure;
import org.ac1explorer.download.ArchiveResult.Status;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same portal over TLS, with a throw-away certificate for 127.0.0.1 made by the JDK's keytool. */
@Timeout(120)
class HttpsDownloadTest {
    private static final char[] STORE_PASSWORD = "test-store".toCharArray();
    @TempDir
    static Path keys;
    static KeyStore store;

    @BeforeAll
    static void makeCertificate() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool not in this JDK");
        Path file = keys.resolve("portal.p12");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "portal", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + log);
        store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD);
        }
    }

    private static SSLContext serverContext() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, STORE_PASSWORD);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    private static SSLContext trustingClientContext() throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void downloadsOverHttps(@TempDir Path dest) throws Exception {
        try (FakePortal portal = new FakePortal(serverContext());
                Credentials account = new Credentials(FakePortal.USER, FakePortal.PASSWORD.toCharArray())) {
            assertEquals("https", portal.base().getScheme());
            HttpClient client = HttpClient.newBuilder().sslContext(trustingClientContext())
                    .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            portal.dropAfter = 90_000;
            portal.dropTimes.set(1);
            CrcnsDownloader d = new CrcnsDownloader(portal.base(), client,
                    DownloadOptions.DEFAULTS.withRetries(2, Duration.ZERO));
            ArchiveResult r = d.download(dest, List.of("crcns-ac1.zip"), account, null).get(0);
            assertEquals(Status.DOWNLOADED, r.status(), r.message());
            assertArrayEquals(portal.file("crcns-ac1.zip"), Files.readAllBytes(dest.resolve("crcns-ac1.zip")));
            assertTrue(portal.posts().get(1).range().startsWith("bytes="));
        }
    }

    @Test
    void untrustedCertificateIsAClearNonRetriedFailure(@TempDir Path dest) throws Exception {
        try (FakePortal portal = new FakePortal(serverContext());
                Credentials account = new Credentials(FakePortal.USER, FakePortal.PASSWORD.toCharArray())) {
            CrcnsDownloader d = new CrcnsDownloader(portal.base(), CrcnsDownloader.newHttpClient(Duration.ofSeconds(5)));
            ArchiveResult r = d.download(dest, List.of("crcns-ac1.zip"), account, null).get(0);
            assertEquals(Failure.NETWORK, r.failure(), r.message());
            assertTrue(r.message().contains("certificate"), r.message());
            assertFalse(r.message().contains(FakePortal.PASSWORD));
            assertTrue(portal.posts().isEmpty(), "nothing reached the untrusted server");
        }
    }
}
