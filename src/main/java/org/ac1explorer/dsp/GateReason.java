package org.ac1explorer.dsp;

import java.util.Locale;

/** Why a repeat was kept or rejected: the first failing test, in the order range, step, xcorr. */
public enum GateReason {
    /** Passed every test. */
    KEPT,
    /** Empty, no valid sample, or max |x| above the mV limit. */
    RANGE,
    /** Too large a fraction of the 5-ms-median-smoothed trace far from its median. */
    STEP,
    /** Leave-one-out correlation with the other repeats below the minimum. */
    XCORR;

    /** The reference's lower-case name: "kept", "range", "step", "xcorr". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
