package org.ac1explorer.cli;

import java.io.PrintStream;
import org.ac1explorer.archive.ProgressMonitor;

/** Progress on one self-overwriting stderr line, only when a terminal is attached. */
final class ConsoleProgress implements ProgressMonitor {
    private final PrintStream err;
    private final boolean enabled = System.console() != null;
    private long lastPrint;
    private boolean printed;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        long now = System.nanoTime();
        if (!enabled || now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        String pct = total > 0 ? String.format(" %3d%%", 100 * done / total) : "";
        String line = (message.length() > 60 ? message.substring(0, 60) : message) + pct;
        err.print("\r" + line + " ".repeat(Math.max(0, 72 - line.length())));
        printed = true;
    }

    /** Clears the progress line before normal output. */
    synchronized void finish() {
        if (printed) {
            err.print("\r" + " ".repeat(72) + "\r");
            printed = false;
        }
    }
}
