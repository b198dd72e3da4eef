package org.ac1explorer.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.download.ArchiveResult;
import org.ac1explorer.download.CrcnsDownloader;
import org.ac1explorer.download.Credentials;
import org.ac1explorer.download.DownloadOptions;

/** {@code download}: the three CRCNS-AC1 archives with a CRCNS.org account. */
final class DownloadCommand {
    static final String HELP = """
            usage: ac1-explorer download --dest DIR [--only NAME,...] [--base-url URL]

            Downloads crcns-ac1.zip, crcns-ac1-asari-results-1.zip and crcns-ac1-asari-results-2.zip
            from the CRCNS data portal into DIR, with your free CRCNS.org account
            (https://crcns.org/register). The account comes from the environment variables
            CRCNS_USERNAME and CRCNS_PASSWORD, or is asked for on the terminal (the password is not
            shown). It is sent over https only and never stored.

              --dest DIR        folder to download into (created if needed); then: summary --data DIR
              --only NAMES      comma-separated subset: crcns-ac1, asari-results-1, asari-results-2
              --base-url URL    the portal's download address
                                (default https://portal.nersc.gov/project/crcns/download/)

            An interrupted download stays in DIR as NAME.zip.part and resumes when the command is run
            again. Archives already complete in DIR are skipped. Exit status 0 when every requested
            archive is present afterwards, 1 otherwise.
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Console console;

    DownloadCommand(PrintStream out, PrintStream err) {
        this(out, err, System.getenv(), System.console());
    }

    /** For tests: the environment and terminal ({@code null}: none) to take the account from. */
    DownloadCommand(PrintStream out, PrintStream err, Map<String, String> env, Console console) {
        this.out = out;
        this.err = err;
        this.env = env;
        this.console = console;
    }

    int run(String[] args) throws UsageException, IOException {
        if (Cli.wantsHelp(args)) {
            out.print(HELP);
            return 0;
        }
        CliOptions o = CliOptions.parse("download", args, Set.of("dest", "only", "base-url"), Set.of());
        Path dest = o.requiredPath("dest");
        if (Files.exists(dest) && !Files.isDirectory(dest)) {
            throw new UsageException("--dest " + dest + " is a file, not a folder");
        }
        List<String> names = new ArrayList<>();
        for (String n : o.list("only", List.of())) {
            names.add(CrcnsDownloader.archiveName(n).orElseThrow(() -> new UsageException("--only: unknown archive \"" + n
                    + "\" (known: " + String.join(", ", CrcnsDownloader.ARCHIVES) + ")")));
        }
        CrcnsDownloader downloader;
        try {
            URI base = o.has("base-url") ? new URI(o.required("base-url").strip()) : CrcnsDownloader.DEFAULT_BASE_URI;
            downloader = new CrcnsDownloader(base, CrcnsDownloader.newHttpClient(Duration.ofSeconds(30)), DownloadOptions.DEFAULTS);
        } catch (URISyntaxException e) {
            // the reason and index only: the input itself may hold a password
            throw new UsageException("--base-url is not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1) + ")");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--base-url: " + e.getMessage());
        }
        List<ArchiveResult> results;
        try (Credentials account = account()) {
            ProgressLine progress = new ProgressLine(err, console != null);
            try {
                results = downloader.download(dest, names, account, progress);
            } finally {
                progress.finish();
            }
        }
        boolean ok = true;
        for (ArchiveResult r : results) {
            (r.ok() ? out : err).println(r.ok() ? r.message() : "ac1-explorer: " + r.message());
            ok &= r.ok();
        }
        if (ok) {
            out.println("The archives are in " + dest.toAbsolutePath() + "; open them with: summary --data " + dest);
        }
        return ok ? 0 : 1;
    }

    private Credentials account() {
        Optional<Credentials> fromEnv = Credentials.fromEnvironment(env);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        if (console != null) {
            return Credentials.prompt(console, env.get(Credentials.USERNAME_VARIABLE))
                    .orElseThrow(() -> new IllegalStateException("no CRCNS username or password given"));
        }
        throw new IllegalStateException("no CRCNS account: set CRCNS_USERNAME and CRCNS_PASSWORD, or run in a terminal "
                + "to be asked (a free account: https://crcns.org/register)");
    }

    /** The downloader's progress message (archive, bytes, %, rate) on one self-overwriting stderr line. */
    static final class ProgressLine implements ProgressMonitor {
        private final PrintStream err;
        private final boolean enabled;
        private long lastPrint;
        private int width;

        ProgressLine(PrintStream err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public synchronized void progress(long done, long total, String message) {
            long now = System.nanoTime();
            if (!enabled || (now - lastPrint < 200_000_000L && done != total)) {
                return;
            }
            lastPrint = now;
            String line = message.length() > 100 ? message.substring(0, 100) : message;
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            err.flush();
            width = line.length();
        }

        synchronized void finish() {
            if (width > 0) {
                err.print("\r" + " ".repeat(width) + "\r");
                err.flush();
                width = 0;
            }
        }
    }
}
