package org.ac1explorer.ui.playback;

import java.util.Locale;

/**
 * The sound as it is sent to the device: the stimulus slowed down {@code expansion} times
 * (time expansion: every frequency divided by k, so rat-audible ultrasound comes into human
 * hearing), as samples at {@code rateHz}, normalised to a safe peak and faded in and out.
 * <p>
 * Stimulus time and device frames are related by {@code t = frame / (rateHz · expansion)},
 * whether the samples are the stimulus's own (played at sf/k) or converted to a device rate.
 */
public record PlaybackSignal(float[] samples, double rateHz, int expansion, double stimulusRateHz, boolean converted,
                             double gain) {
    /** Peak level after normalisation (about −3 dBFS): no clipping, headroom for the device's filters. */
    public static final double PEAK = 0.7;
    /** Fade in / out length in played (device) time, s. */
    public static final double FADE_S = 0.010;
    /** The highest rate asked of a device; above it the signal is band-limited and converted. */
    public static final double MAX_DEVICE_RATE = 48000;
    /** Rates tried, in order, when the device refuses sf/k. */
    static final double[] DEVICE_RATES = {48000, 44100};
    /** The time expansions offered. */
    public static final int[] EXPANSIONS = {1, 2, 4, 8, 10};

    /** Stimulus time (s) of a device frame. */
    public double timeOf(long frame) {
        return frame / (rateHz * expansion);
    }

    /** The device frame playing stimulus time {@code t} (s), within the signal. */
    public long frameOf(double t) {
        long f = Math.round(t * rateHz * expansion);
        return Math.max(0, Math.min(samples.length, f));
    }

    /** Stimulus seconds covered. */
    public double durationS() {
        return timeOf(samples.length);
    }

    /** Seconds it takes to play. */
    public double playingS() {
        return samples.length / rateHz;
    }

    /** Fade length in frames. */
    public int fadeFrames() {
        return Math.max(1, (int) Math.round(FADE_S * rateHz));
    }

    /**
     * Renders the stimulus for {@code sink}: at sf/k when that is at most 48 kHz and the sink takes
     * it (and {@code forceConvert} is false), else band-limited and converted to 48 or 44.1 kHz.
     */
    public static PlaybackSignal render(double[] stimulus, double sf, int expansion, AudioSink sink, Resampler resampler,
                                        boolean forceConvert) throws AudioUnavailableException {
        if (expansion < 1) {
            throw new IllegalArgumentException("time expansion must be >= 1");
        }
        if (!(sf > 0)) {
            throw new AudioUnavailableException("The stimulus has no valid sample rate.");
        }
        double playRate = sf / expansion;
        float[] x = new float[stimulus.length];
        for (int i = 0; i < x.length; i++) {
            double v = stimulus[i];
            x[i] = Double.isFinite(v) ? (float) v : 0f;
        }
        float[] y;
        double rate;
        boolean converted;
        if (!forceConvert && playRate <= MAX_DEVICE_RATE && sink.accepts(playRate)) {
            y = x;
            rate = playRate;
            converted = false;
        } else {
            double target = 0;
            for (double r : DEVICE_RATES) {
                if (sink.accepts(r)) {
                    target = r;
                    break;
                }
            }
            if (target == 0) {
                throw new AudioUnavailableException(String.format(Locale.ROOT,
                        "The sound device takes neither %.0f Hz nor 48000 or 44100 Hz.", playRate));
            }
            // k device seconds per stimulus second: the stimulus at sf becomes target·k samples per
            // stimulus second (whole numbers when sf is), played at target
            y = resampler.resample(x, sf, target * expansion);
            rate = target;
            converted = true;
        }
        double peak = 0;
        for (float v : y) {
            peak = Math.max(peak, Math.abs(v));
        }
        double gain = peak > 0 ? PEAK / peak : 0;
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) (y[i] * gain);
        }
        int fade = Math.min(out.length / 2, Math.max(1, (int) Math.round(FADE_S * rate)));
        for (int i = 0; i < fade; i++) {
            float g = (float) ramp(i, fade);
            out[i] *= g;
            out[out.length - 1 - i] *= g;
        }
        return new PlaybackSignal(out, rate, expansion, sf, converted, gain);
    }

    /** Raised-cosine gain of frame {@code i} of an {@code n}-frame fade-in (0 at i = 0, rising towards 1). */
    static double ramp(int i, int n) {
        return 0.5 - 0.5 * Math.cos(Math.PI * i / n);
    }

    /** One line for the user: what is heard and at which rate. */
    public String describe() {
        String base = kHz(stimulusRateHz) + " kHz sound";
        String played = converted ? "converted to " + kHz(rateHz) + " kHz" : "played at " + kHz(rateHz) + " kHz";
        if (expansion == 1) {
            double heard = Math.min(stimulusRateHz, rateHz) / 2 / 1000;
            return base + ", real time, " + played + (stimulusRateHz / 2 > 20000
                    ? String.format(Locale.ROOT, " (ultrasound above %.0f kHz is not heard)", Math.min(20, heard)) : "");
        }
        return base + ", " + expansion + "× slower: every pitch ÷ " + expansion + " (e.g. "
                + String.format(Locale.ROOT, "%.0f", 40.0) + " kHz → " + kHz(40000.0 / expansion) + " kHz), " + played;
    }

    private static String kHz(double hz) {
        double k = hz / 1000;
        String s = String.format(Locale.ROOT, k >= 10 ? "%.1f" : "%.2f", k);
        return s.replaceAll("\\.?0+$", "");
    }
}
