package org.ac1explorer.archive;

import java.util.List;

/**
 * What a cell's trials say about one stimulus (taken from its first trial): the metadata written
 * to the export. {@code durationMs} is the trigger's duration in ms (0 when the trial gives none);
 * {@code idx} is the Wehr file index (-1 for Asari); {@code classN} the Asari class number (null
 * when the first segment path has none); {@code segments} the 1-based indices into
 * {@code param.stimulus} and {@code segmentFiles} their files (empty for Wehr).
 */
public record StimulusInfo(StimulusKey key, String experimenter, String category, String description,
                           double durationMs, int idx, Integer classN, List<Integer> segments,
                           List<String> segmentFiles) {

    public StimulusInfo {
        segments = List.copyOf(segments);
        segmentFiles = List.copyOf(segmentFiles);
    }

    public boolean isWehr() {
        return experimenter.equals("wehr");
    }
}
