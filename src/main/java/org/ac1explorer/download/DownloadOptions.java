package org.ac1explorer.download;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Tuning of {@link CrcnsDownloader}.
 *
 * @param responseTimeout longest wait for the response headers after sending the login form
 * @param stallTimeout    longest time without a single body byte before the connection is dropped
 *                        (and, if attempts remain, resumed)
 * @param maxAttempts     attempts per archive for retryable failures (network, timeouts, 5xx)
 * @param retryDelay      pause before the second attempt; doubled for each further one
 * @param knownSizes      optional exact sizes in bytes per archive name, checked against what the
 *                        server announces and what arrives; absent names are checked against the
 *                        server's Content-Length / Content-Range only
 */
public record DownloadOptions(Duration responseTimeout, Duration stallTimeout, int maxAttempts, Duration retryDelay,
        Map<String, Long> knownSizes) {
    /** Longest silence of a streaming body before the attempt is dropped. */
    public static final Duration STALL_TIMEOUT = Duration.ofSeconds(60);

    /**
     * A generous wait for the response headers: deepSTRF's CRCNS helper (urancon/deepSTRF,
     * deepSTRF/utils/data_download.py) waits up to 600 s because "NERSC is regularly slow to start
     * streaming a CRCNS archive (cold-storage fetch)". Once the body streams, 60 s without a byte is
     * a stall (shown on the progress line as it grows): 4 attempts then give up in minutes, not 40.
     */
    public static final DownloadOptions DEFAULTS = new DownloadOptions(Duration.ofMinutes(10), STALL_TIMEOUT, 4,
            Duration.ofSeconds(3), Map.of());

    public DownloadOptions {
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(stallTimeout, "stallTimeout");
        Objects.requireNonNull(retryDelay, "retryDelay");
        if (responseTimeout.isNegative() || responseTimeout.isZero() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (got " + maxAttempts + ")");
        }
        if (retryDelay.isNegative()) {
            throw new IllegalArgumentException("retryDelay must not be negative");
        }
        knownSizes = Map.copyOf(Objects.requireNonNull(knownSizes, "knownSizes"));
        knownSizes.forEach((k, v) -> {
            if (v < 0) {
                throw new IllegalArgumentException("known size of " + k + " is negative");
            }
        });
    }

    public DownloadOptions withTimeouts(Duration response, Duration stall) {
        return new DownloadOptions(response, stall, maxAttempts, retryDelay, knownSizes);
    }

    public DownloadOptions withRetries(int attempts, Duration delay) {
        return new DownloadOptions(responseTimeout, stallTimeout, attempts, delay, knownSizes);
    }

    public DownloadOptions withKnownSizes(Map<String, Long> sizes) {
        return new DownloadOptions(responseTimeout, stallTimeout, maxAttempts, retryDelay, sizes);
    }
}
