package org.ac1explorer.dsp;

/**
 * Spike detection on one cell-attached repeat, all arrays as long as the repeat.
 *
 * @param highPass    the re-detrended trace minus its 1-ms running median, mV
 * @param thresholdMv 2.5 × the population standard deviation of {@code highPass}, mV
 * @param train       1 where {@code highPass > thresholdMv}, else 0
 * @param psth        {@code train} convolved with a 21-ms symmetric Hann window ("same"
 *                    centring); smoothed spike count, dimensionless
 */
public record SpikeDetection(double[] highPass, double thresholdMv, double[] train, double[] psth) {
}
