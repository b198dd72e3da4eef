package org.ac1explorer.dsp;

/**
 * Threshold-independent scores of one detrended repeat, computed once so that changing a
 * gating threshold only re-decides ({@link RepeatGating#decide}).
 *
 * @param maxAbsMv largest |sample| in mV ignoring NaN; NaN for an empty or all-NaN repeat
 * @param step     the step-test profile (sorted deviations from the smoothed median)
 * @param xcorr    leave-one-out Pearson r with the median of the other repeats, on repeats cut
 *                 to the shortest; NaN when not computable (fewer than 3 repeats, an empty
 *                 repeat, or NaN samples)
 */
public record RepeatScores(double maxAbsMv, StepProfile step, double xcorr) {
}
