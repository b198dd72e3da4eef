package org.ac1explorer.ui.common;

import javafx.scene.paint.Color;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.GatingThresholds;
import org.ac1explorer.dsp.RepeatVerdict;

/**
 * The one palette for gating verdicts, used in every view and legend (Okabe–Ito colours, readable
 * with the common colour-vision deficiencies; the colours also differ in lightness), and the
 * texts that explain a verdict with its deciding score and threshold.
 */
public final class VerdictStyle {
    private VerdictStyle() {
    }

    /** Colour of a repeat rejected by hand (whatever the gating said). */
    public static final String HAND_REJECTED = "#7f7f7f";

    public static Color color(GateReason r) {
        return Color.web(hex(r));
    }

    public static String hex(GateReason r) {
        return switch (r) {
            case KEPT -> "#0072B2";
            case RANGE -> "#D55E00";
            case STEP -> "#E69F00";
            case XCORR -> "#CC79A7";
        };
    }

    /** CSS style class for nodes coloured by verdict ("verdict-kept", ...). */
    public static String styleClass(GateReason r) {
        return "verdict-" + label(r);
    }

    public static String label(GateReason r) {
        return switch (r) {
            case KEPT -> "kept";
            case RANGE -> "range";
            case STEP -> "step";
            case XCORR -> "xcorr";
        };
    }

    /** What each test means, for legends' tooltips. */
    public static String meaning(GateReason r) {
        return switch (r) {
            case KEPT -> "kept: passed all three tests, used in the binned response";
            case RANGE -> "range: max |detrended Vm| above the |Vm| max knob";
            case STEP -> "step: too many samples jump away from the smoothed trace's median";
            case XCORR -> "xcorr: correlation with the median of the other repeats below min r";
        };
    }

    /**
     * The deciding score against its threshold: "range 212 mV > 150", "step 3.0 % > 0.5 %",
     * "xcorr r = −0.19 < 0.05"; for a kept repeat its correlation (when computed) or its step share.
     */
    public static String explain(RepeatVerdict v, GatingThresholds t) {
        return switch (v.reason()) {
            case RANGE -> Double.isNaN(v.maxAbsMv()) || Double.isInfinite(v.maxAbsMv())
                    ? "range: no samples"
                    : "range " + Formats.sig(v.maxAbsMv()) + " mV > " + Formats.sig(t.absMvMax());
            case STEP -> "step " + Formats.sig(v.stepFrac() * 100) + " % > " + Formats.sig(t.maxStepFrac() * 100) + " %";
            case XCORR -> v.xcorrApplied()
                    ? "xcorr r = " + Formats.fixed(v.xcorr(), 2) + " < " + Formats.sig(t.minXcorr())
                    : "xcorr r = 1 (not computable) < " + Formats.sig(t.minXcorr());
            case KEPT -> v.xcorrApplied()
                    ? "kept · r = " + Formats.fixed(v.xcorr(), 2)
                    : "kept · step " + Formats.sig(v.stepFrac() * 100) + " %";
        };
    }

    /** All three scores with their limits, for tooltips. */
    public static String details(RepeatVerdict v, GatingThresholds t) {
        return "max |Vm| " + (Double.isNaN(v.maxAbsMv()) ? "– (no samples)" : Formats.sig(v.maxAbsMv()) + " mV")
                + " (limit " + Formats.sig(t.absMvMax()) + " mV)\n"
                + "step samples " + (Double.isNaN(v.stepFrac()) ? "not tested" : Formats.sig(v.stepFrac() * 100) + " %")
                + " (limit " + Formats.sig(t.maxStepFrac() * 100) + " %, steps of " + Formats.sig(t.stepMv()) + " mV)\n"
                + "r with the median of the others " + (v.xcorrApplied() ? Formats.num(v.xcorr(), 3)
                : "not computed (needs 3 repeats and min r > 0)") + " (min " + Formats.sig(t.minXcorr()) + ")";
    }
}
