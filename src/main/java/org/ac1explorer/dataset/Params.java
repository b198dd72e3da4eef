package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.ac1explorer.dsp.GatingThresholds;

/**
 * Every knob of the processing (docs/processing.md §2), immutable. Times in ms, frequencies in Hz, voltages
 * in mV. {@code windowMs} null means "2 x dt" (the reference default). {@code experimenters}
 * holds {@code wehr}/{@code asari} and {@code sites} {@code A1}/{@code MGB}, in the order given.
 * Construction does not validate: call {@link #errors()} (for a UI) or {@link #validate()}.
 */
public record Params(double dtMs, double fminHz, double fmaxHz, int binsPerOctave, Double windowMs,
                     double detrendMedMs, double detrendGaussMs, double absMvMax, double stepMv,
                     double maxStepFrac, double minXcorr, double spikeClipMs, List<String> experimenters,
                     List<String> sites) {

    public static final List<String> ALL_EXPERIMENTERS = List.of("wehr", "asari");
    public static final List<String> ALL_SITES = List.of("A1", "MGB");
    /** Upper bounds that keep the output a sane size; the reference has none. */
    public static final double MAX_DT_MS = 1000.0;
    public static final int MAX_BINS_PER_OCTAVE = 96;
    /**
     * Highest fmax accepted (Hz): twice the Nyquist frequency of the fastest stimuli of the release
     * (97 656 Hz); bands above a stimulus' Nyquist only hold aliased energy, and an unbounded fmax
     * multiplies the bands (1e308 Hz at 96 per octave: 98 000 bands).
     */
    public static final double MAX_FMAX_HZ = 97_656;
    public static final double MAX_WINDOW_MS = 10_000.0;
    /** The spike high-pass median window of the reference loader, ms (1 ms is the legacy value). */
    public static final double DEFAULT_SPIKE_CLIP_MS = 10.0;
    /** Longest spike high-pass window, ms: beyond a spike's scale it only follows the detrend. */
    public static final double MAX_SPIKE_CLIP_MS = 1000.0;

    public Params {
        experimenters = List.copyOf(new LinkedHashSet<>(experimenters));
        sites = List.copyOf(new LinkedHashSet<>(sites));
    }

    /** The reference defaults: dt 5 ms, 100–45000 Hz, 6 bands/octave, window 2·dt, detrend 100/10 ms, gating 150 mV, 30 mV, 0.5 %, r 0.05, spike window 10 ms. */
    public static Params defaults() {
        return new Params(5.0, 100.0, 45000.0, 6, null, 100.0, 10.0, 150.0, 30.0, 0.005, 0.05, DEFAULT_SPIKE_CLIP_MS,
                ALL_EXPERIMENTERS, ALL_SITES);
    }

    /** Spectrogram window actually used, ms. */
    public double effectiveWindowMs() {
        return windowMs != null ? windowMs : 2.0 * dtMs;
    }

    public GatingThresholds gating() {
        return new GatingThresholds(absMvMax, stepMv, maxStepFrac, minXcorr);
    }

    /** A parameter that is out of range: its name (as on the command line) and why. */
    public record ParamError(String name, String message) {
        @Override
        public String toString() {
            return name + ": " + message;
        }
    }

    /** Every invalid parameter, each named; empty when all are valid. */
    public List<ParamError> errors() {
        List<ParamError> e = new ArrayList<>();
        if (!Double.isFinite(dtMs) || dtMs <= 0 || dtMs > MAX_DT_MS) {
            e.add(new ParamError("dt-ms", "time bin must be > 0 and <= " + fmt(MAX_DT_MS) + " ms (got " + fmt(dtMs) + ")"));
        }
        if (!Double.isFinite(fminHz) || fminHz <= 0) {
            e.add(new ParamError("fmin", "lowest band must be a positive frequency in Hz (got " + fmt(fminHz) + ")"));
        }
        if (!Double.isFinite(fmaxHz) || fmaxHz <= 0) {
            e.add(new ParamError("fmax", "highest band must be a positive frequency in Hz (got " + fmt(fmaxHz) + ")"));
        } else if (Double.isFinite(fminHz) && fminHz > 0 && fmaxHz <= fminHz) {
            // named on both sides: whichever the user changed is told which value it conflicts with
            e.add(new ParamError("fmax", "must be above fmin (" + fmt(fminHz) + " Hz; got " + fmt(fmaxHz) + ")"));
            e.add(new ParamError("fmin", "must be below fmax (" + fmt(fmaxHz) + " Hz; got " + fmt(fminHz) + ")"));
        } else if (fmaxHz > MAX_FMAX_HZ) {
            e.add(new ParamError("fmax", "must be at most " + fmt(MAX_FMAX_HZ) + " Hz, twice the Nyquist frequency of the"
                    + " fastest stimuli (97 656 Hz) (got " + fmt(fmaxHz) + ")"));
        }
        if (binsPerOctave < 1 || binsPerOctave > MAX_BINS_PER_OCTAVE) {
            e.add(new ParamError("bins-per-octave", "must be an integer from 1 to " + MAX_BINS_PER_OCTAVE + " (got " + binsPerOctave + ")"));
        }
        if (windowMs != null && (!Double.isFinite(windowMs) || windowMs <= 0 || windowMs > MAX_WINDOW_MS)) {
            e.add(new ParamError("window-ms", "spectrogram window must be > 0 and <= " + fmt(MAX_WINDOW_MS) + " ms (got " + fmt(windowMs) + ")"));
        }
        if (!Double.isFinite(detrendMedMs) || detrendMedMs < 0 || detrendMedMs > MAX_WINDOW_MS) {
            e.add(new ParamError("detrend-med-ms", "running-median window must be >= 0 and <= " + fmt(MAX_WINDOW_MS) + " ms (got " + fmt(detrendMedMs) + ")"));
        }
        if (!Double.isFinite(detrendGaussMs) || detrendGaussMs < 0 || detrendGaussMs > MAX_WINDOW_MS) {
            e.add(new ParamError("detrend-gauss-ms", "Gaussian width must be >= 0 and <= " + fmt(MAX_WINDOW_MS) + " ms (got " + fmt(detrendGaussMs) + ")"));
        }
        if (Double.isNaN(absMvMax) || absMvMax < 0) {
            e.add(new ParamError("abs-mv-max", "range limit must be a number >= 0 mV (got " + fmt(absMvMax) + ")"));
        }
        if (Double.isNaN(stepMv) || stepMv < 0) {
            e.add(new ParamError("step-mv", "step size must be a number >= 0 mV (got " + fmt(stepMv) + ")"));
        }
        if (!(maxStepFrac >= 0 && maxStepFrac <= 1)) {
            e.add(new ParamError("max-step-frac", "must be a fraction from 0 to 1 (got " + fmt(maxStepFrac) + ")"));
        }
        if (!Double.isFinite(minXcorr)) {
            e.add(new ParamError("min-xcorr", "must be a finite correlation threshold (got " + fmt(minXcorr) + ")"));
        }
        if (!Double.isFinite(spikeClipMs) || spikeClipMs <= 0 || spikeClipMs > MAX_SPIKE_CLIP_MS) {
            e.add(new ParamError("spike-clip-ms", "spike high-pass window must be > 0 and <= " + fmt(MAX_SPIKE_CLIP_MS) + " ms (got " + fmt(spikeClipMs) + ")"));
        }
        if (experimenters.isEmpty()) {
            e.add(new ParamError("experimenter", "choose wehr and/or asari"));
        }
        for (String x : experimenters) {
            if (!ALL_EXPERIMENTERS.contains(x)) {
                e.add(new ParamError("experimenter", "must be wehr and/or asari (got \"" + x + "\")"));
            }
        }
        if (sites.isEmpty()) {
            e.add(new ParamError("sites", "choose A1 and/or MGB"));
        }
        for (String s : sites) {
            if (!ALL_SITES.contains(s)) {
                e.add(new ParamError("sites", "must be A1 and/or MGB (got \"" + s + "\")"));
            }
        }
        return e;
    }

    /** Throws IllegalArgumentException naming the first invalid parameter. */
    public Params validate() {
        List<ParamError> e = errors();
        if (!e.isEmpty()) {
            throw new IllegalArgumentException(e.get(0).toString());
        }
        return this;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        // trailing zeros of the mantissa only: "1.00000e-300" is 1e-300, not 1e-3
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + (e < 0 ? "" : s.substring(e));
    }

    public Params withDtMs(double v) {
        return new Params(v, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withFminHz(double v) {
        return new Params(dtMs, v, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withFmaxHz(double v) {
        return new Params(dtMs, fminHz, v, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withBinsPerOctave(int v) {
        return new Params(dtMs, fminHz, fmaxHz, v, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withWindowMs(Double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, v, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withDetrendMedMs(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, v, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withDetrendGaussMs(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, v, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withAbsMvMax(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, v, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withStepMv(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, v, maxStepFrac, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withMaxStepFrac(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, v, minXcorr, spikeClipMs, experimenters, sites);
    }

    public Params withMinXcorr(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, v, spikeClipMs, experimenters, sites);
    }

    public Params withSpikeClipMs(double v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, v, experimenters, sites);
    }

    public Params withExperimenters(List<String> v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, v, sites);
    }

    public Params withSites(List<String> v) {
        return new Params(dtMs, fminHz, fmaxHz, binsPerOctave, windowMs, detrendMedMs, detrendGaussMs, absMvMax, stepMv, maxStepFrac, minXcorr, spikeClipMs, experimenters, v);
    }
}
