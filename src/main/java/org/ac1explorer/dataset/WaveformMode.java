package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Waveform mode (docs/processing.md §2.8; the reference loader's {@code return_waveform=True}): each stimulus
 * is handed out as its waveform resampled to {@code audioFs} Hz and grid-locked to the response
 * bins, {@code T·hop} samples with {@code hop = audioFs·dt/1000}, instead of the spectrogram.
 *
 * @param audioFs the common sample rate, Hz (the loader's {@code audio_fs}, an int, default 96000)
 */
public record WaveformMode(int audioFs) {
    /** The loader's default {@code audio_fs}: an integer number of samples per ms. */
    public static final int DEFAULT_AUDIO_FS = 96_000;
    /** Upper bound that keeps the output a sane size; the reference has none. */
    public static final int MAX_AUDIO_FS = 1_000_000;

    public static WaveformMode defaults() {
        return new WaveformMode(DEFAULT_AUDIO_FS);
    }

    /** Every invalid setting for time bin {@code dtMs}, each named as on the command line; empty when valid. */
    public List<Params.ParamError> errors(double dtMs) {
        List<Params.ParamError> e = new ArrayList<>();
        if (audioFs < 1 || audioFs > MAX_AUDIO_FS) {
            e.add(new Params.ParamError("audio-fs", "waveform sample rate must be an integer from 1 to "
                    + MAX_AUDIO_FS + " Hz (got " + audioFs + ")"));
            return e;
        }
        if (!Double.isFinite(dtMs) || dtMs <= 0) {
            return e; // Params names the bad --dt-ms
        }
        // crcns_ac1.py: ratio = audio_fs * dt_ms / 1000.0; assert abs(ratio - round(ratio)) < 1e-6 and round(ratio) >= 1
        double ratio = audioFs * dtMs / 1000.0;
        if (!(Math.abs(ratio - Math.rint(ratio)) < 1e-6 && Math.rint(ratio) >= 1)) {
            e.add(new Params.ParamError("audio-fs", "waveform mode needs --audio-fs x --dt-ms / 1000 to be a whole number of"
                    + " samples per time bin (got " + audioFs + " Hz x " + Params.fmt(dtMs) + " ms / 1000 = "
                    + Params.fmt(ratio) + "); e.g. --audio-fs 96000 works for any whole --dt-ms"));
        }
        return e;
    }

    /** Throws IllegalArgumentException naming --audio-fs/--dt-ms when the grid does not lock. */
    public WaveformMode validate(double dtMs) {
        List<Params.ParamError> e = errors(dtMs);
        if (!e.isEmpty()) {
            throw new IllegalArgumentException(e.get(0).toString());
        }
        return this;
    }

    /** Samples per time bin, {@code round(audioFs·dt/1000)} (audio_dataset.py, {@code hop}); call {@link #validate} first. */
    public int hop(double dtMs) {
        return (int) Math.rint(audioFs * dtMs / 1000.0);
    }
}
