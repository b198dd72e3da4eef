package org.ac1explorer.archive;

import java.util.List;

/** One stimulus as heard by one cell: its metadata and its repeats, in trial order. */
public record CellStimulus(StimulusInfo info, List<RepeatRef> repeats) {
    public CellStimulus {
        repeats = List.copyOf(repeats);
    }

    public StimulusKey key() {
        return info.key();
    }
}
