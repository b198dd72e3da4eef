package org.ac1explorer.ui.model;

import java.util.List;
import java.util.Map;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RejectionCounts;

/**
 * The dataset-wide result of one assembly pass at {@code params}: gating counters, what the
 * training grid would hold, and the kept repeats of every cell x stimulus (key:
 * {@link #key(String, Object)}); cells outside the cohort are absent.
 */
public record DatasetCounts(Params params, RejectionCounts rejections, int neurons, int stimuli, int droppedCells,
                            String signalType, Map<String, Integer> keptByCellStimulus, List<String> warnings) {

    public static String key(String cellId, Object stimulusKey) {
        return cellId + "#" + stimulusKey;
    }

    /** Kept repeats of a cell x stimulus, or -1 when unknown (cell outside the cohort). */
    public int kept(String cellId, Object stimulusKey) {
        return keptByCellStimulus.getOrDefault(key(cellId, stimulusKey), -1);
    }
}
