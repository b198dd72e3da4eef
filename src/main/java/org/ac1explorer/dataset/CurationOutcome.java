package org.ac1explorer.dataset;

import java.util.List;
import org.ac1explorer.curation.CellExclusion;
import org.ac1explorer.curation.RepeatOverride;

/**
 * What a curation did to one grid: the overrides and exclusions that matched a repeat or cell of
 * the cohort (in the curation's order), those that matched nothing (reported, never dropped from
 * the file), and how many repeats a hand verdict turned: {@code manualKeep} were rejected by the
 * gating and kept by hand, {@code manualReject} were kept by the gating and rejected by hand.
 */
public record CurationOutcome(List<RepeatOverride> applied, List<CellExclusion> excluded,
                              List<RepeatOverride> unmatched, List<CellExclusion> unmatchedExclusions,
                              long manualKeep, long manualReject) {
    public CurationOutcome {
        applied = List.copyOf(applied);
        excluded = List.copyOf(excluded);
        unmatched = List.copyOf(unmatched);
        unmatchedExclusions = List.copyOf(unmatchedExclusions);
    }

    /** One line per key that matched nothing, for Problems and the command line. */
    public List<String> unmatchedLines() {
        List<String> out = new java.util.ArrayList<>();
        for (RepeatOverride o : unmatched) {
            out.add("curation: override of " + o.key() + " (" + o.verdict().label() + ") matches no repeat of the cohort; "
                    + "kept in the file, not applied");
        }
        for (CellExclusion e : unmatchedExclusions) {
            out.add("curation: exclusion of cell " + e.cell() + " matches no cell of the cohort; kept in the file, not applied");
        }
        return out;
    }
}
