package org.ac1explorer.dataset;

import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.GatingThresholds;
import org.ac1explorer.dsp.RepeatGating;
import org.ac1explorer.dsp.StepTail;

/**
 * One cell x stimulus after all the work that does not depend on the gating thresholds, in the
 * compact form a whole cohort can keep: per repeat its max |x| (mV), step tail, leave-one-out r
 * and binned row (float, as exported, every dt bin of the repeat), plus what bounds T: the
 * stimulus waveform's length (samples) and rate (Hz), and this cell's trigger duration (ms; for a
 * Wehr trial without one, the waveform's).
 */
public record StimulusDigest(CellStimulus stimulus, double[] maxAbsMv, StepTail[] steps, double[] xcorr, float[][] rows,
                             int waveformSamples, double waveformRateHz, double durationForTMs) {

    public GateReason[] reasons(GatingThresholds t) {
        return RepeatGating.decide(maxAbsMv, steps, xcorr, t);
    }

    /** Whether every repeat's step tail decides this max step fraction exactly. */
    public boolean covers(double maxStepFrac) {
        for (StepTail s : steps) {
            if (!s.covers(maxStepFrac)) {
                return false;
            }
        }
        return true;
    }

    /** The rows of the repeats marked in {@code kept}, cut to the shortest of them (kept x T); zero rows when none is. */
    public float[][] keptBlock(boolean[] kept) {
        int count = 0;
        int t = Integer.MAX_VALUE;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                count++;
                t = Math.min(t, rows[i].length);
            }
        }
        float[][] out = new float[count][];
        int k = 0;
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                out[k++] = rows[i].length == t ? rows[i] : java.util.Arrays.copyOf(rows[i], t);
            }
        }
        return out;
    }
}
