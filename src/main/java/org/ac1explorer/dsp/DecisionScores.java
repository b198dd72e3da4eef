package org.ac1explorer.dsp;

/**
 * What deciding a cell x stimulus' repeats at any gating thresholds needs (max step fractions up
 * to the bound its tails were made for), one entry per repeat, without the traces.
 *
 * @param maxAbsMv largest |sample| of each repeat, mV (NaN for an empty or all-NaN repeat)
 * @param steps    each repeat's step-test tail
 * @param xcorr    each repeat's leave-one-out Pearson r (NaN when not computable)
 */
public record DecisionScores(double[] maxAbsMv, StepTail[] steps, double[] xcorr) {
}
