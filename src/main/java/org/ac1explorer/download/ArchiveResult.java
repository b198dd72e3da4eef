package org.ac1explorer.download;

import java.nio.file.Path;

/**
 * What happened to one archive.
 *
 * @param name    archive file name, e.g. {@code crcns-ac1.zip}
 * @param status  downloaded, skipped (already present and complete) or failed
 * @param file    the final file ({@code DEST/name}); it exists only for DOWNLOADED and SKIPPED
 * @param bytes   size of the final file, or of the {@code .part} kept after a failure (0 if none)
 * @param failure why it failed (null unless FAILED)
 * @param message a one-line explanation for people; never contains credentials
 */
public record ArchiveResult(String name, Status status, Path file, long bytes, Failure failure, String message) {
    public enum Status {
        DOWNLOADED, SKIPPED, FAILED
    }

    /** The kinds of failure a UI may want to react to differently (e.g. LOGIN: ask again). */
    public enum Failure {
        /** The account was rejected (login page or 401/403); no later archive was tried. */
        LOGIN,
        /** The server has no such file (404). */
        NOT_FOUND,
        /** Sizes disagree: announced vs known size, or more bytes than announced; the .part is removed. */
        SIZE_MISMATCH,
        /** The server sent something that is not a zip archive (an HTML page other than the login). */
        NOT_AN_ARCHIVE,
        /** Network trouble, timeouts or server errors that outlasted the retries; the .part is kept. */
        NETWORK,
        /** A file of that name is already in the destination but is not a complete archive. */
        EXISTING_FILE,
        /** Writing in the destination folder failed. */
        LOCAL_IO,
        /** Not tried because an earlier archive showed the account is rejected. */
        NOT_ATTEMPTED
    }

    public boolean ok() {
        return status != Status.FAILED;
    }
}
