package org.ac1explorer.ui.knobs;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.ac1explorer.dataset.Params;

/**
 * A knob's link to its processing parameter: its spec (display unit, range, default), how the
 * shown value is read from {@link Params} and how a typed value is put back. NaN stands for
 * "auto" where {@code autoWhenNaN} (the window, 2·dt). {@code section} starts a titled group.
 */
record KnobParam(String section, KnobSpec spec, ToDoubleFunction<Params> read, BiFunction<Params, Double, Params> write,
                 boolean autoWhenNaN) {

    private static final Params D = Params.defaults();

    /** Every numeric knob, in the order shown. */
    static final List<KnobParam> ALL = List.of(
            new KnobParam("Time bin & spectrogram",
                    new KnobSpec("dt-ms", "Time bin (dt)", "ms", 0.5, 50, true, 0, 2, D.dtMs(),
                            "Width of the response bins and the spectrogram hop."),
                    Params::dtMs, Params::withDtMs, false),
            new KnobParam(null, new KnobSpec("fmin", "Lowest band", "Hz", 20, 5000, true, 0, 1, D.fminHz(),
                    "Centre frequency of the lowest spectrogram band."),
                    Params::fminHz, Params::withFminHz, false),
            new KnobParam(null, new KnobSpec("fmax", "Highest band", "Hz", 1000, 50000, true, 0, 0, D.fmaxHz(),
                    "Upper limit for the band centres (bands are fmin·2^(k/bpo) up to fmax)."),
                    Params::fmaxHz, Params::withFmaxHz, false),
            new KnobParam(null, new KnobSpec("bins-per-octave", "Bands per octave", "", 1, 24, false, 1, 0,
                    D.binsPerOctave(), "Number of log-spaced spectrogram bands per octave (integer)."),
                    Params::binsPerOctave, (p, v) -> p.withBinsPerOctave(wholeOrInvalid(v)), false),
            new KnobParam(null, new KnobSpec("window-ms", "Window", "ms", 1, 200, true, 0, 2, Double.NaN,
                    "Length of the Hamming window of the spectrogram; auto = 2 × dt (the reference default)."),
                    p -> p.windowMs() == null ? Double.NaN : p.windowMs(),
                    (p, v) -> p.withWindowMs(Double.isNaN(v) ? null : v), true),
            new KnobParam("Detrend (MedGauss baseline)",
                    new KnobSpec("detrend-med-ms", "Running median", "ms", 0, 1000, false, 5, 1, D.detrendMedMs(),
                            "Window of the running median of the baseline."),
                    Params::detrendMedMs, Params::withDetrendMedMs, false),
            new KnobParam(null, new KnobSpec("detrend-gauss-ms", "Gaussian σ", "ms", 0, 100, false, 1, 2,
                    D.detrendGaussMs(), "Width (σ) of the Gaussian that smooths the running median."),
                    Params::detrendGaussMs, Params::withDetrendGaussMs, false),
            new KnobParam("Gating (first failing test wins)",
                    new KnobSpec("abs-mv-max", "|Vm| max (range)", "mV", 0, 500, false, 5, 1, D.absMvMax(),
                            "A repeat is rejected (range) when max |detrended Vm| exceeds this."),
                    Params::absMvMax, Params::withAbsMvMax, false),
            new KnobParam(null, new KnobSpec("step-mv", "Step size", "mV", 0, 200, false, 1, 1, D.stepMv(),
                    "Distance from the smoothed trace's median that counts as a step sample."),
                    Params::stepMv, Params::withStepMv, false),
            // shown in percent, kept as a fraction
            new KnobParam(null, new KnobSpec("max-step-frac", "Max step samples", "%", 0, 10, false, 0.1, 3,
                    D.maxStepFrac() * 100,
                    "A repeat is rejected (step) when more than this share of its samples are step samples."),
                    p -> p.maxStepFrac() * 100, (p, v) -> p.withMaxStepFrac(v / 100.0), false),
            new KnobParam(null, new KnobSpec("min-xcorr", "Min correlation r", "", -1, 1, false, 0.01, 3, D.minXcorr(),
                    "A repeat is rejected (xcorr) when its Pearson r with the median of the other repeats is below "
                            + "this (needs 3 repeats; 0 or less turns the test off)."),
                    Params::minXcorr, Params::withMinXcorr, false),
            new KnobParam("Spikes (cell-attached cells)",
                    new KnobSpec("spike-clip-ms", "High-pass median", "ms", 0.1, 100, true, 0, 2, D.spikeClipMs(),
                            "10 ms: the paper's value; 1 ms reproduces the legacy pipeline. Running median "
                                    + "subtracted before the 2.5 σ spike threshold."),
                    Params::spikeClipMs, Params::withSpikeClipMs, false));

    /** An integer knob's value, or −1 (which Params rejects) when it is not a whole number. */
    private static int wholeOrInvalid(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? (int) v : -1;
    }
}
