package org.ac1explorer.curation;

/** A curation file that cannot be read: the message names the file and what is wrong in it. */
public final class CurationFormatException extends Exception {
    public CurationFormatException(String message) {
        super(message);
    }

    public CurationFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
