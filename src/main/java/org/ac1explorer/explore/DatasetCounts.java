package org.ac1explorer.explore;

import java.util.List;
import java.util.Map;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RejectionCounts;

/**
 * The dataset-wide result of one assembly pass at {@code params}: gating counters, what the
 * training grid would hold, the kept repeats of every cell x stimulus (key:
 * {@link #key(String, Object)}), and the noise ceiling CC_max of every cell x stimulus and cell
 * (key: the cell id) as exported; cells outside the cohort are absent.
 */
public record DatasetCounts(Params params, RejectionCounts rejections, int neurons, int stimuli, int droppedCells,
                            String signalType, Map<String, Integer> keptByCellStimulus, List<String> warnings,
                            Map<String, Double> ccMax) {

    public DatasetCounts(Params params, RejectionCounts rejections, int neurons, int stimuli, int droppedCells,
                         String signalType, Map<String, Integer> keptByCellStimulus, List<String> warnings) {
        this(params, rejections, neurons, stimuli, droppedCells, signalType, keptByCellStimulus, warnings, Map.of());
    }

    /** CC_max of a cell x stimulus (NaN when undefined or unknown). */
    public double ccMax(String cellId, Object stimulusKey) {
        return ccMax.getOrDefault(key(cellId, stimulusKey), Double.NaN);
    }

    /** CC_max of a cell over its stimuli (NaN when undefined or unknown). */
    public double ccMax(String cellId) {
        return ccMax.getOrDefault(cellId, Double.NaN);
    }

    public static String key(String cellId, Object stimulusKey) {
        return cellId + "#" + stimulusKey;
    }

    /** Kept repeats of a cell x stimulus, or -1 when unknown (cell outside the cohort). */
    public int kept(String cellId, Object stimulusKey) {
        return keptByCellStimulus.getOrDefault(key(cellId, stimulusKey), -1);
    }
}
