package org.ac1explorer.curation;

/**
 * One repeat of one cell x stimulus as a person names it: the cell's session name
 * ("20020305-mw-006"), the stimulus description, and the 1-based repeat number the explorer
 * shows (trial order).
 */
public record RepeatKey(String cell, String stimulus, int repeat) {
    public RepeatKey {
        if (cell == null || stimulus == null) {
            throw new IllegalArgumentException("a repeat is named by its cell and stimulus");
        }
    }

    @Override
    public String toString() {
        return cell + " · " + stimulus + " · #" + repeat;
    }
}
