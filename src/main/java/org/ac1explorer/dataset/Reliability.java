package org.ac1explorer.dataset;

import java.util.List;
import org.apache.commons.math3.stat.StatUtils;

/**
 * Trial-to-trial reliability of a cell's binned responses: the noise ceiling CC_max, the largest
 * correlation any model of the stimulus-response relationship can reach with the measured mean
 * response, given the repeat-to-repeat variability.
 *
 * <p>Formulas (Schoppe, Harper, Willmore, King &amp; Schnupp 2016, "Measuring the performance of
 * neural models", Front. Comput. Neurosci. 10:10, doi:10.3389/fncom.2016.00010, after Sahani &amp;
 * Linden 2003; the authors' code {@code calc_CCnorm.m}, github.com/OSchoppe/CCnorm). For N
 * repeats R_1..R_N of T bins and the mean response ȳ = (1/N) Σ_n R_n:
 * <pre>
 *   SP     = ( Var(Σ_n R_n) − Σ_n Var(R_n) ) / ( N (N − 1) )     signal power
 *   CC_max = sqrt( SP / Var(ȳ) )
 * </pre>
 * where Var is the variance over time bins. Here every Var is the population variance (divide by
 * T); {@code calc_CCnorm.m} divides SP's variances by T − 1 and Var(ȳ) by T, which makes its CC_max
 * larger by sqrt(T / (T − 1)) and lets it exceed 1 by that factor. With one normaliser,
 * Σ_n Var(R_n) ≥ N·Var(ȳ) implies SP ≤ Var(ȳ), so 0 ≤ CC_max ≤ 1. For responses R_n = s + e_n with
 * independent noise of variance σ², E[SP] = Var(s) and CC_max → sqrt(Var(s) / (Var(s) + σ²/N)).
 *
 * <p>Undefined cases: fewer than 2 repeats or 2 bins, or a constant mean response (Var(ȳ) = 0),
 * give NaN. A non-positive signal-power estimate (noise only) gives CC_max = 0, as in
 * {@code calc_CCnorm.m}. (deepSTRF's {@code compute_CCmax} instead estimates CC_max from split
 * halves with the Spearman-Brown correction and returns 1 for a single repeat; the two estimates
 * agree in expectation but not number for number.)
 *
 * <p>Per cell, over its stimuli: the stimuli's estimates are pooled by time bins,
 * CC_max = sqrt( Σ_s T_s·SP_s / Σ_s T_s·Var_s(ȳ) ) over the stimuli with at least 2 repeats and 2
 * bins. Each stimulus' variances are taken about its own temporal mean, so this is the CC_max of
 * the concatenation of the cell's stimuli with each stimulus' mean level removed (exactly so when
 * all stimuli have the same number of repeats); with unequal repeat counts each stimulus'
 * signal power is estimated from its own repeats.
 */
public final class Reliability {
    private Reliability() {
    }

    /**
     * The estimate for one block (or the pooled estimate of a cell): repeats (for a pooled
     * estimate, the smallest repeat count among the stimuli used), time bins used, the signal
     * power SP, Var(ȳ) (both per bin, pooled by bins), and CC_max (NaN when undefined).
     */
    public record Estimate(int repeats, int bins, double signalPower, double meanResponseVariance, double ccMax) {
        public static final Estimate UNDEFINED = new Estimate(0, 0, Double.NaN, Double.NaN, Double.NaN);

        public boolean defined() {
            return !Double.isNaN(ccMax);
        }
    }

    /** CC_max of an R x T block of repeats (NaN when undefined). */
    public static double ccMax(float[][] repeats) {
        return of(repeats).ccMax();
    }

    /** The estimate for an R x T block (rows repeats, all of the same length). */
    public static Estimate of(float[][] repeats) {
        if (repeats == null || repeats.length < 2) {
            return new Estimate(repeats == null ? 0 : repeats.length, bins(repeats), Double.NaN, Double.NaN, Double.NaN);
        }
        int n = repeats.length;
        int t = bins(repeats);
        if (t < 2) {
            return new Estimate(n, t, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sum = new double[t];
        double sumOfVariances = 0;
        double[] row = new double[t];
        for (float[] r : repeats) {
            for (int k = 0; k < t; k++) {
                sum[k] += r[k];
                row[k] = r[k];
            }
            sumOfVariances += StatUtils.populationVariance(row);
        }
        double varSum = StatUtils.populationVariance(sum);
        double sp = (varSum - sumOfVariances) / ((double) n * (n - 1));
        double varMean = varSum / ((double) n * n);
        return new Estimate(n, t, sp, varMean, ccMax(sp, varMean));
    }

    /**
     * The pooled estimate of a cell over its stimuli (blocks R_s x T_s; null or undefined blocks
     * are skipped). Undefined when no block has 2 repeats and 2 bins.
     */
    public static Estimate pooled(List<float[][]> blocks) {
        double spBins = 0;
        double varBins = 0;
        int bins = 0;
        int minRepeats = Integer.MAX_VALUE;
        for (float[][] b : blocks) {
            Estimate e = b == null ? Estimate.UNDEFINED : of(b);
            if (Double.isNaN(e.signalPower())) {
                continue;
            }
            spBins += e.signalPower() * e.bins();
            varBins += e.meanResponseVariance() * e.bins();
            bins += e.bins();
            minRepeats = Math.min(minRepeats, e.repeats());
        }
        if (bins == 0) {
            return Estimate.UNDEFINED;
        }
        double sp = spBins / bins;
        double var = varBins / bins;
        return new Estimate(minRepeats, bins, sp, var, ccMax(sp, var));
    }

    private static double ccMax(double sp, double varMean) {
        // a mean response that does not vary (relative to float resolution) has no signal to explain
        if (!(varMean > 0) || Double.isNaN(sp)) {
            return Double.NaN;
        }
        if (sp <= 0) {
            return 0.0;
        }
        return Math.min(1.0, Math.sqrt(sp / varMean));
    }

    private static int bins(float[][] r) {
        if (r == null || r.length == 0) {
            return 0;
        }
        int t = Integer.MAX_VALUE;
        for (float[] row : r) {
            t = Math.min(t, row.length);
        }
        return t;
    }
}
