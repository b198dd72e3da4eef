package org.ac1explorer.dsp;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The gating decision for one repeat, with the scores the tests saw (as the reference's
 * verdict records them).
 *
 * @param reason   the first failing test, or {@link GateReason#KEPT}
 * @param maxAbsMv largest |sample| in mV (NaN for an empty or all-NaN repeat)
 * @param stepFrac fraction (0..1) of samples beyond the step threshold; NaN when the range
 *                 test failed first (the step test was not run)
 * @param xcorr    leave-one-out Pearson r; NaN when the xcorr test does not apply (min r ≤ 0,
 *                 fewer than 3 repeats or an empty repeat), in which case r counted as 1.0
 */
public record RepeatVerdict(GateReason reason, double maxAbsMv, double stepFrac, double xcorr) {

    /** Whether the repeat survives gating. */
    public boolean kept() {
        return reason == GateReason.KEPT;
    }

    /** Whether the xcorr test was applied to this repeat (its r was computed and compared). */
    public boolean xcorrApplied() {
        return !Double.isNaN(xcorr);
    }

    /**
     * The score compared at the deciding test: max |x| (mV) for range, the step fraction for
     * step, r for xcorr (1.0 when the test did not apply), and for kept repeats r if the xcorr
     * test was applied, else the step fraction.
     */
    public double decidingScore() {
        return switch (reason) {
            case RANGE -> maxAbsMv;
            case STEP -> stepFrac;
            case XCORR -> xcorrApplied() ? xcorr : 1.0;
            case KEPT -> xcorrApplied() ? xcorr : stepFrac;
        };
    }

    /** The threshold of {@code t} that {@link #decidingScore()} was compared with. */
    public double decidingThreshold(GatingThresholds t) {
        return switch (reason) {
            case RANGE -> t.absMvMax();
            case STEP -> t.maxStepFrac();
            case XCORR -> t.minXcorr();
            case KEPT -> xcorrApplied() ? t.minXcorr() : t.maxStepFrac();
        };
    }

    /**
     * A short human-readable account, e.g. {@code "range 212 mV > 150 mV"},
     * {@code "step 1.2% > 0.5%"}, {@code "xcorr r 0.01 < 0.05"}, {@code "kept r 0.43 ≥ 0.05"}.
     */
    public String explain(GatingThresholds t) {
        return switch (reason) {
            case RANGE -> Double.isNaN(maxAbsMv)
                    ? "range: no samples"
                    : "range " + num(maxAbsMv) + " mV > " + num(t.absMvMax()) + " mV";
            case STEP -> "step " + percent(stepFrac) + " > " + percent(t.maxStepFrac());
            case XCORR -> xcorrApplied()
                    ? "xcorr r " + num(xcorr) + " < " + num(t.minXcorr())
                    : "xcorr r 1 (not computable) < " + num(t.minXcorr());
            case KEPT -> xcorrApplied()
                    ? "kept r " + num(xcorr) + " ≥ " + num(t.minXcorr())
                    : "kept step " + percent(stepFrac) + " ≤ " + percent(t.maxStepFrac());
        };
    }

    private static String percent(double fraction) {
        return num(100.0 * fraction) + "%";
    }

    /** Three significant digits, no exponent, no trailing zeros, independent of the locale. */
    private static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return "0";
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
