package org.ac1explorer.dataset;

import org.ac1explorer.archive.StimulusInfo;

/**
 * One stimulus of the assembled grid: its metadata (from the first cell that registered it), the
 * duration used to bound T (ms), its T (time bins of dt ms) and its representation: in spectrogram
 * mode the log-spectrogram in dB, bands x T frames ({@code waveform} null); in waveform mode
 * ({@link WaveformMode}) the waveform at the common audio rate, T·hop float32 samples
 * ({@code spectrogramDb} empty, no bands).
 */
public record StimulusEntry(StimulusInfo info, double durationMs, float[][] spectrogramDb, float[] waveform, int frames) {

    /** A spectrogram-mode entry; T is the spectrogram's frame count. */
    public StimulusEntry(StimulusInfo info, double durationMs, float[][] spectrogramDb) {
        this(info, durationMs, spectrogramDb, null,
                spectrogramDb == null || spectrogramDb.length == 0 ? 0 : spectrogramDb[0].length);
    }

    /** A waveform-mode entry of T = {@code frames} bins. */
    static StimulusEntry ofWaveform(StimulusInfo info, double durationMs, float[] waveform, int frames) {
        return new StimulusEntry(info, durationMs, new float[0][], waveform, frames);
    }

    public boolean isWaveform() {
        return waveform != null;
    }
}
