package org.ac1explorer.dataset;

import org.ac1explorer.archive.StimulusInfo;

/**
 * One stimulus of the assembled grid: its metadata (from the first cell that registered it), the
 * duration used to bound T (ms), and its log-spectrogram in dB, bands x T frames of dt ms.
 */
public record StimulusEntry(StimulusInfo info, double durationMs, float[][] spectrogramDb) {
    public int frames() {
        return spectrogramDb.length == 0 ? 0 : spectrogramDb[0].length;
    }
}
