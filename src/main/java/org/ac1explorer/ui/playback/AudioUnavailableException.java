package org.ac1explorer.ui.playback;

/** Sound output cannot be used; the message is a sentence for the user. */
public final class AudioUnavailableException extends Exception {
    public AudioUnavailableException(String message) {
        super(message);
    }

    public AudioUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
