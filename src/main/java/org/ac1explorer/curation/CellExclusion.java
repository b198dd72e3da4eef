package org.ac1explorer.curation;

/** A whole cell left out by hand (its session name), with the curator's note (empty when none). */
public record CellExclusion(String cell, String note) {
    public CellExclusion {
        if (cell == null) {
            throw new IllegalArgumentException("an exclusion names its cell");
        }
        note = note == null ? "" : note;
    }
}
