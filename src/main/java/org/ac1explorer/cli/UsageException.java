package org.ac1explorer.cli;

/** The command line is wrong (unknown option, missing or malformed value); the message says how. */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
