package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.List;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.dsp.GatingThresholds;
import org.ac1explorer.dsp.MedGauss;
import org.ac1explorer.dsp.RepeatGating;
import org.ac1explorer.dsp.RepeatScores;
import org.ac1explorer.dsp.RepeatVerdict;

/**
 * One cell x stimulus after the threshold-independent work: each repeat's MedGauss baseline and
 * detrended trace (mV) and its gating scores. Deciding verdicts for new thresholds is then cheap.
 */
public final class RepeatAnalysis {
    private final double sfHz;
    private final List<double[]> raw;
    private final List<double[]> baselines;
    private final List<double[]> detrended;
    private final List<RepeatScores> scores;

    private RepeatAnalysis(double sfHz, List<double[]> raw, List<double[]> baselines, List<double[]> detrended,
                           List<RepeatScores> scores) {
        this.sfHz = sfHz;
        this.raw = raw;
        this.baselines = baselines;
        this.detrended = detrended;
        this.scores = scores;
    }

    /** Detrends every repeat (running median of {@code medMs}, Gaussian of {@code gaussMs}) and scores it. */
    public static RepeatAnalysis of(RawRepeats repeats, double medMs, double gaussMs) {
        double sf = repeats.sampleRateHz();
        List<double[]> base = new ArrayList<>();
        List<double[]> det = new ArrayList<>();
        for (double[] x : repeats.tracesMv()) {
            double[] b = MedGauss.baseline(x, sf, medMs, gaussMs);
            double[] d = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i] - b[i];
            }
            base.add(b);
            det.add(d);
        }
        return new RepeatAnalysis(sf, repeats.tracesMv(), List.copyOf(base), List.copyOf(det),
                List.copyOf(RepeatGating.score(det, sf)));
    }

    public double sfHz() {
        return sfHz;
    }

    public int repeatCount() {
        return raw.size();
    }

    /** The repeats as recorded, mV. */
    public List<double[]> raw() {
        return raw;
    }

    /** The MedGauss baselines, mV (raw minus detrended). */
    public List<double[]> baselines() {
        return baselines;
    }

    /** The detrended repeats, mV. */
    public List<double[]> detrended() {
        return detrended;
    }

    public List<RepeatScores> scores() {
        return scores;
    }

    public List<RepeatVerdict> verdicts(GatingThresholds t) {
        return RepeatGating.decide(scores, t);
    }
}
