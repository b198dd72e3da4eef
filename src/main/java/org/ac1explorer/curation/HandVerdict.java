package org.ac1explorer.curation;

import java.util.Locale;

/** A verdict given by hand to one repeat, overriding the automatic gating: keep it or reject it. */
public enum HandVerdict {
    KEEP,
    REJECT;

    /** The name in the curation file: "keep" or "reject". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict named {@code label} ("keep" or "reject", any case); null for anything else. */
    public static HandVerdict ofLabel(String label) {
        for (HandVerdict v : values()) {
            if (v.label().equalsIgnoreCase(label)) {
                return v;
            }
        }
        return null;
    }
}
