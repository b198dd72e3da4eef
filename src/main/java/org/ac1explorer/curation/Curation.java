package org.ac1explorer.curation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hand decisions of a curation file ({@code ac1-curation/1}): repeat overrides and excluded
 * cells, in the order they were made. Immutable: every change returns a new curation, which is
 * what undo and redo keep. At most one override per repeat and one exclusion per cell.
 */
public record Curation(List<RepeatOverride> overrides, List<CellExclusion> excludedCells) {
    public static final Curation EMPTY = new Curation(List.of(), List.of());

    public Curation {
        overrides = List.copyOf(overrides);
        excludedCells = List.copyOf(excludedCells);
    }

    public boolean isEmpty() {
        return overrides.isEmpty() && excludedCells.isEmpty();
    }

    public Optional<RepeatOverride> override(RepeatKey key) {
        return overrides.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    public Optional<CellExclusion> exclusion(String cell) {
        return excludedCells.stream().filter(e -> e.cell().equals(cell)).findFirst();
    }

    /** With {@code o} replacing any earlier override of the same repeat. */
    public Curation with(RepeatOverride o) {
        List<RepeatOverride> out = new ArrayList<>();
        boolean replaced = false;
        for (RepeatOverride old : overrides) {
            if (old.key().equals(o.key())) {
                out.add(o);
                replaced = true;
            } else {
                out.add(old);
            }
        }
        if (!replaced) {
            out.add(o);
        }
        return new Curation(out, excludedCells);
    }

    /** Without the override of {@code key} (the automatic verdict applies again). */
    public Curation without(RepeatKey key) {
        return new Curation(overrides.stream().filter(o -> !o.key().equals(key)).toList(), excludedCells);
    }

    /** With {@code e} replacing any earlier exclusion of the same cell. */
    public Curation with(CellExclusion e) {
        List<CellExclusion> out = new ArrayList<>(excludedCells.stream().filter(x -> !x.cell().equals(e.cell())).toList());
        out.add(e);
        return new Curation(overrides, out);
    }

    /** With the cell included again. */
    public Curation included(String cell) {
        return new Curation(overrides, excludedCells.stream().filter(x -> !x.cell().equals(cell)).toList());
    }
}
