package org.ac1explorer.archive;

/** A MAT file could not be read, or lacks what it must hold; the message says what is wrong (without the location). */
public final class MatReadException extends Exception {
    public MatReadException(String message) {
        super(message);
    }

    public MatReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
