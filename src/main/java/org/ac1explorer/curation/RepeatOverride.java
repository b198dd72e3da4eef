package org.ac1explorer.curation;

/** A hand verdict on one repeat, with the curator's note (empty when none). */
public record RepeatOverride(RepeatKey key, HandVerdict verdict, String note) {
    public RepeatOverride {
        if (key == null || verdict == null) {
            throw new IllegalArgumentException("an override needs a repeat and a verdict");
        }
        note = note == null ? "" : note;
    }

    /** "kept by hand" or "rejected by hand", with ": note" when there is one. */
    public String describe() {
        return (verdict == HandVerdict.KEEP ? "kept by hand" : "rejected by hand") + (note.isBlank() ? "" : ": " + note);
    }
}
