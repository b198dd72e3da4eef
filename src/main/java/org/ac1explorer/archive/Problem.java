package org.ac1explorer.archive;

import java.util.Comparator;

/**
 * Something wrong with the input that was skipped or worked around while loading: names the file
 * (or folder, zip entry) and says what is wrong and what was done about it.
 */
public record Problem(Severity severity, String location, String message) {

    /** How much of the data a problem costs. */
    public enum Severity {
        /** Data was read, but something looks off (e.g. a duplicate description). */
        WARNING,
        /** A file, trigger, stimulus or cell was skipped. */
        ERROR
    }

    /** A fixed order (location, then message, then severity), independent of the order of discovery. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::location)
            .thenComparing(Problem::message).thenComparing(Problem::severity);

    public static Problem warning(String location, String message) {
        return new Problem(Severity.WARNING, location, message);
    }

    public static Problem error(String location, String message) {
        return new Problem(Severity.ERROR, location, message);
    }

    @Override
    public String toString() {
        return (severity == Severity.ERROR ? "error: " : "warning: ") + location + ": " + message;
    }
}
