package org.ac1explorer.dataset;

import java.util.List;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.Problem;

/**
 * The S x N grid the training pipelines see (docs/processing.md §2.7): S stimuli with spectrograms, N cells
 * (neurons), and for each pair the kept repeats binned at dt (repeats x T_s, float values) or null
 * (the NaN sentinel) when the cell did not hear the stimulus. Frequencies in Hz. {@code waveformMode}
 * is null for spectrogram stimuli, or the {@link WaveformMode} whose waveforms the stimuli hold.
 * {@code dropped} are the cells of the cohort that contributed no data (no repeat survived), in
 * cell order; {@code problems} are in a fixed order (by location, then message), so that the same
 * input always gives the same list. {@code curation} says what a curation file changed (null when
 * none was applied).
 */
public record AssembledDataset(Params params, double[] freqsHz, List<StimulusEntry> stimuli, List<CellRecord> neurons,
                               float[][][][] responses, RejectionCounts rejections, String signalType,
                               List<CellRecord> dropped, List<Problem> problems, List<String> warnings,
                               WaveformMode waveformMode, CurationOutcome curation) {

    public AssembledDataset {
        stimuli = List.copyOf(stimuli);
        neurons = List.copyOf(neurons);
        dropped = List.copyOf(dropped);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A dataset assembled without a curation. */
    public AssembledDataset(Params params, double[] freqsHz, List<StimulusEntry> stimuli, List<CellRecord> neurons,
                            float[][][][] responses, RejectionCounts rejections, String signalType,
                            List<CellRecord> dropped, List<Problem> problems, List<String> warnings,
                            WaveformMode waveformMode) {
        this(params, freqsHz, stimuli, neurons, responses, rejections, signalType, dropped, problems, warnings,
                waveformMode, null);
    }

    /** A spectrogram-mode dataset. */
    public AssembledDataset(Params params, double[] freqsHz, List<StimulusEntry> stimuli, List<CellRecord> neurons,
                            float[][][][] responses, RejectionCounts rejections, String signalType,
                            List<CellRecord> dropped, List<Problem> problems, List<String> warnings) {
        this(params, freqsHz, stimuli, neurons, responses, rejections, signalType, dropped, problems, warnings, null);
    }

    /** How many cells of the cohort were dropped (their repeats are still in {@link #rejections()}). */
    public int droppedCells() {
        return dropped.size();
    }

    /**
     * Everything the load reported, one line each, as {@code summary} lists it: the cohort
     * warnings (e.g. mixed signal types) as "warning: what", then every problem as "warning: " or
     * "error: ", where, what (unknown descriptions, skipped files, ...).
     */
    public List<String> reportLines() {
        List<String> out = new java.util.ArrayList<>();
        warnings.forEach(w -> out.add("warning: " + w));
        problems.forEach(p -> out.add(p.toString()));
        return List.copyOf(out);
    }

    /**
     * What the explorer's Problems list shows for this cohort, and {@code summary} counts: every
     * problem met while reading, then each cohort warning as a warning located at "cohort".
     */
    public List<Problem> problemsAndWarnings() {
        List<Problem> all = new java.util.ArrayList<>(problems);
        warnings.forEach(w -> all.add(Problem.warning(COHORT, w)));
        return all;
    }

    /** The location of a cohort-wide warning in a problem list. */
    public static final String COHORT = "cohort";

    /** Whether the stimuli are waveforms ({@link #waveformMode()} non-null) rather than spectrograms. */
    public boolean isWaveform() {
        return waveformMode != null;
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
