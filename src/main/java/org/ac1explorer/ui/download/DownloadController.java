package org.ac1explorer.ui.download;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.ac1explorer.download.ArchiveResult;
import org.ac1explorer.download.CrcnsDownloader;
import org.ac1explorer.download.Credentials;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.status.StatusModel;

/**
 * File ▸ Download CRCNS-AC1…: asks for the account in a login dialog, downloads the archives in
 * the background with progress and cancel (resuming .part files), then offers to open the folder.
 * A rejected login asks again. Only the destination folder is remembered, never the account.
 */
public final class DownloadController {
    private final StatusModel status;
    private final ViewSettings view;
    private final Supplier<Window> owner;
    private final Superseding job;
    private final URI base;
    private final Consumer<Path> open;

    public DownloadController(StatusModel status, BackgroundWork work, ViewSettings view, Supplier<Window> owner,
                              URI base, Consumer<Path> open) {
        this.status = status;
        this.view = view;
        this.owner = owner;
        this.job = new Superseding(work);
        this.base = base;
        this.open = open;
    }

    /** Shows the login dialog (again with {@code failure} explained, if any) and starts the download. */
    public void askAndDownload(String failure, String user) {
        Path folder = java.util.Optional.ofNullable(view.downloadFolderProperty().get())
                .orElse(Path.of(System.getProperty("user.home"), "crcns-ac1"));
        String suggestedUser = user != null ? user : System.getenv(Credentials.USERNAME_VARIABLE);
        DownloadDialog.ask(owner.get(), folder, suggestedUser, failure).ifPresent(this::download);
    }

    /** Downloads as requested (the credentials are wiped when the task ends). */
    public Tasks.BackgroundTask<List<ArchiveResult>> download(DownloadRequest r) {
        view.downloadFolderProperty().set(r.destination());
        String user = r.credentials().username();
        Tasks.BackgroundTask<List<ArchiveResult>> t = job.run(Tasks.create(ctx -> {
                    Files.createDirectories(r.destination());
                    CrcnsDownloader d = new CrcnsDownloader(base, CrcnsDownloader.newHttpClient(Duration.ofSeconds(30)));
                    return d.download(r.destination(), r.archives(), r.credentials(), ctx);
                })
                .title("Downloading CRCNS-AC1")
                .onSuccess(results -> finished(r.destination(), results, user))
                .onError(e -> {
                    status.failure("Download failed: " + Dialogs.reason(e));
                    Dialogs.error(owner.get(), "Download failed", Dialogs.reason(e));
                })
                .andFinally(() -> r.credentials().close()));
        status.track(t);
        return t;
    }

    private void finished(Path dest, List<ArchiveResult> results, String user) {
        long failed = results.stream().filter(a -> !a.ok()).count();
        String lines = String.join("\n", results.stream().map(a -> a.name() + ": " + a.message()).toList());
        if (results.stream().anyMatch(a -> a.failure() == ArchiveResult.Failure.LOGIN)) {
            status.failure("The CRCNS portal refused the login");
            askAndDownload("The CRCNS portal refused the login: check the user name and password.", user);
            return;
        }
        if (failed > 0) {
            status.failure("Download incomplete: " + failed + " archive(s) failed");
            Dialogs.error(owner.get(), "Download incomplete", lines + "\n\nRun the download again to resume.");
            return;
        }
        status.notice("Downloaded CRCNS-AC1 into " + dest);
        if (Dialogs.confirm(owner.get(), "Download complete", lines + "\n\nOpen the dataset now?", "Open")) {
            open.accept(dest);
        }
    }
}
