package org.ac1explorer.analysis;

import java.util.List;

/**
 * What the STRF fit of one cell sees: its stimuli in the cell's order, each with the log-spectrogram
 * (bands x T, dB) and the kept repeats binned at dt (repeats x T, the same T), and the band
 * centres (Hz).
 */
public record StrfInput(String cell, double dtMs, double[] freqsHz, List<Stimulus> stimuli) {

    public StrfInput {
        stimuli = List.copyOf(stimuli);
    }

    /**
     * One stimulus of the cell. {@code order} is its position among all the cell's stimuli (also
     * those left out for lack of kept repeats), which the published split counts in.
     */
    public record Stimulus(String label, int order, float[][] spectrogramDb, float[][] repeats) {
        public Stimulus {
            int t = spectrogramDb.length == 0 ? 0 : spectrogramDb[0].length;
            for (float[] r : repeats) {
                if (r.length != t) {
                    throw new IllegalArgumentException(label + ": response of " + r.length + " bins, spectrogram of " + t);
                }
            }
        }

        public int frames() {
            return spectrogramDb.length == 0 ? 0 : spectrogramDb[0].length;
        }

        /** The mean of the repeats per bin. */
        public double[] meanResponse() {
            int t = frames();
            double[] m = new double[t];
            for (float[] r : repeats) {
                for (int k = 0; k < t; k++) {
                    m[k] += r[k];
                }
            }
            for (int k = 0; k < t; k++) {
                m[k] /= repeats.length;
            }
            return m;
        }
    }
}
