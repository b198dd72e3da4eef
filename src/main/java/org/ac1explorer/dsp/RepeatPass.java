package org.ac1explorer.dsp;

/**
 * What a cohort keeps of one cell x stimulus, computed one repeat at a time: each repeat (mV) is
 * written into a work array, detrended (MedGauss), scored (max |x|, step tail), turned into its
 * PSTH when the cell spikes, and average-pooled into dt-ms bins rounded to float. Only the
 * repeats cut to the shortest, which the leave-one-out r needs together, are held at once, in one
 * pooled block: no trace-sized array per repeat outlives its turn, so the collector has none to copy.
 * The values equal {@link RepeatGating#score} and {@link Binning#meanFloats} of the detrended (or
 * PSTH) repeats.
 */
public final class RepeatPass {

    /** Writes the samples (mV) of repeat {@code index} into {@code dst}, which is exactly as long as that repeat. */
    @FunctionalInterface
    public interface Source {
        void fill(int index, double[] dst);
    }

    /**
     * The processing of a pass.
     *
     * @param detrendMedMs   running-median window of the detrend, ms
     * @param detrendGaussMs Gaussian σ of the detrend, ms
     * @param maxStepFrac    largest max-step fraction the step tails must decide (0..1)
     * @param dtMs           bin width, ms
     * @param spiking        whether each repeat is binned as its PSTH (cell-attached) instead of its detrended trace
     * @param spikeClipMs    running-median window of the spike high-pass, ms
     */
    public record Settings(double detrendMedMs, double detrendGaussMs, double maxStepFrac, double dtMs, boolean spiking,
                           double spikeClipMs) {
    }

    /**
     * @param scores what deciding the repeats needs
     * @param binned each repeat's dt-ms bins (mV, or spikes per sample for a PSTH), rows of their own lengths
     */
    public record Result(DecisionScores scores, float[][] binned) {
    }

    private RepeatPass() {
    }

    /** Runs the pass over {@code lengths.length} repeats sampled at {@code sf} Hz, repeat i being {@code lengths[i]} samples long. */
    public static Result run(int[] lengths, Source source, double sf, Settings s) {
        int r = lengths.length;
        int shortest = Integer.MAX_VALUE;
        for (int n : lengths) {
            shortest = Math.min(shortest, n);
        }
        boolean loo = r >= 3 && shortest > 0;
        double[] rows = loo ? Scratch.doubles(Math.multiplyExact(r, shortest)) : null;
        double[] maxAbs = new double[r];
        StepTail[] steps = new StepTail[r];
        float[][] binned = new float[r][];
        try {
            for (int i = 0; i < r; i++) {
                double[] x = Scratch.exactDoubles(lengths[i]);
                try {
                    source.fill(i, x);
                    MedGauss.detrendInPlace(x, sf, s.detrendMedMs(), s.detrendGaussMs());
                    maxAbs[i] = RepeatGating.maxAbs(x);
                    steps[i] = StepProfile.tailOf(x, sf, s.maxStepFrac());
                    if (loo) {
                        System.arraycopy(x, 0, rows, i * shortest, shortest);
                    }
                    if (s.spiking()) {
                        SpikeDetector.psthInPlace(x, sf, s.detrendMedMs(), s.detrendGaussMs(), s.spikeClipMs());
                    }
                    binned[i] = Binning.meanFloats(x, sf, s.dtMs());
                } finally {
                    Scratch.giveExact(x);
                }
            }
            double[] xcorr = loo ? RepeatGating.leaveOneOutPearson(rows, r, shortest) : RepeatGating.noPearson(r);
            return new Result(new DecisionScores(maxAbs, steps, xcorr), binned);
        } finally {
            Scratch.give(rows);
        }
    }
}
