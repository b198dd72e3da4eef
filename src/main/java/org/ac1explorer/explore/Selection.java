package org.ac1explorer.explore;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /** The pair among {@code cells} whose {@link #id()} is {@code id} (a remembered selection), if there is one. */
    public static Optional<Selection> byId(List<CellRecord> cells, String id) {
        for (CellRecord c : cells) {
            for (CellStimulus s : c.stimuli()) {
                Selection sel = new Selection(c, s);
                if (sel.id().equals(id)) {
                    return Optional.of(sel);
                }
            }
        }
        return Optional.empty();
    }
}
