package org.ac1explorer.dataset;

import java.util.List;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.Problem;

/**
 * The S x N grid the training pipelines see (DESIGN §2.7): S stimuli with spectrograms, N cells
 * (neurons), and for each pair the kept repeats binned at dt (repeats x T_s, float values) or null
 * (the NaN sentinel) when the cell did not hear the stimulus. Frequencies in Hz.
 */
public record AssembledDataset(Params params, double[] freqsHz, List<StimulusEntry> stimuli, List<CellRecord> neurons,
                               float[][][][] responses, RejectionCounts rejections, String signalType,
                               int droppedCells, List<Problem> problems, List<String> warnings) {

    public AssembledDataset {
        stimuli = List.copyOf(stimuli);
        neurons = List.copyOf(neurons);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Repeats x T of stimulus s for neuron n, or null for the NaN sentinel. */
    public float[][] response(int s, int n) {
        return responses[s][n];
    }

    public int stimulusCount() {
        return stimuli.size();
    }

    public int neuronCount() {
        return neurons.size();
    }
}
