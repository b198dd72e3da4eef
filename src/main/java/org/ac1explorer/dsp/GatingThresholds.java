package org.ac1explorer.dsp;

/**
 * The user-tunable thresholds of repeat gating.
 *
 * @param absMvMax    largest allowed |detrended sample| in mV (range test)
 * @param stepMv      distance in mV from the smoothed trace's median that counts as a step
 * @param maxStepFrac largest allowed fraction (0..1) of samples beyond {@code stepMv}
 * @param minXcorr    smallest allowed leave-one-out Pearson r; the test is off when {@code <= 0}
 */
public record GatingThresholds(double absMvMax, double stepMv, double maxStepFrac, double minXcorr) {

    /** The reference defaults: 150 mV, 30 mV, 0.005, 0.05. */
    public static GatingThresholds defaults() {
        return new GatingThresholds(150.0, 30.0, 0.005, 0.05);
    }
}
