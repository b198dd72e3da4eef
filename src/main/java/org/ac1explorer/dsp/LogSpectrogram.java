package org.ac1explorer.dsp;

/**
 * A log-frequency spectrogram of one stimulus waveform.
 *
 * @param centresHz band centre frequencies, Hz, ascending
 * @param db        {@code db[band][frame]}: 20·log10(|windowed DFT at the band centre| + 1e-12),
 *                  dB re one waveform unit; frame i covers samples around i·hop
 * @param hop       frame step, samples
 * @param window    window length, samples
 * @param sf        waveform sample rate, Hz
 */
public record LogSpectrogram(double[] centresHz, float[][] db, int hop, int window, double sf) {

    /** Number of frequency bands F. */
    public int bands() {
        return db.length;
    }

    /** Number of frames T = ceil(samples / hop). */
    public int frames() {
        return db.length == 0 ? 0 : db[0].length;
    }
}
