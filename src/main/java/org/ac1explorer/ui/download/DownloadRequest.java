package org.ac1explorer.ui.download;

import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.download.Credentials;

/** What the login dialog asks for: where to put the archives, which ones, and the CRCNS account. */
public record DownloadRequest(Path destination, List<String> archives, Credentials credentials) {
    public DownloadRequest {
        archives = List.copyOf(archives);
    }

    @Override
    public String toString() {
        return "DownloadRequest[" + destination + ", " + archives + "]";
    }
}
