package org.ac1explorer.explore;

import java.util.Objects;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;

/** One cell and one of the stimuli it heard. */
public record Selection(CellRecord cell, CellStimulus stimulus) {
    public Selection {
        Objects.requireNonNull(cell);
        Objects.requireNonNull(stimulus);
    }

    /** Identifies the pair across datasets loaded from the same folder. */
    public String id() {
        return cell.id() + "#" + stimulus.key();
    }
}
