package org.ac1explorer.archive;

import java.util.List;

/**
 * The repeats of one cell x stimulus as cut from the recordings, in mV, at {@code sampleRateHz}
 * (the rate of the first repeat's recording, as the reference assumes one rate per stimulus).
 */
public record RawRepeats(double sampleRateHz, List<double[]> tracesMv) {
    public RawRepeats {
        tracesMv = List.copyOf(tracesMv);
    }
}
