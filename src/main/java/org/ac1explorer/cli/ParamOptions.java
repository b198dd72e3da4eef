package org.ac1explorer.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.WaveformMode;

/** The processing options shared by {@code summary} and {@code export}, turned into {@link Params}. */
final class ParamOptions {
    static final Set<String> NAMES = Set.of("dt-ms", "fmin", "fmax", "bins-per-octave", "window-ms", "experimenter",
            "sites", "detrend-med-ms", "detrend-gauss-ms", "abs-mv-max", "step-mv", "max-step-frac", "min-xcorr",
            "spike-clip-ms");

    static final String HELP = """
              --dt-ms MS              time bin (default 5)
              --fmin HZ               lowest band centre (default 100)
              --fmax HZ               highest band limit (default 45000)
              --bins-per-octave N     bands per octave (default 6)
              --window-ms MS          spectrogram window (default 2 x dt)
              --experimenter LIST     wehr,asari (default both)
              --sites LIST            A1,MGB (default both)
              --detrend-med-ms MS     running-median window of the detrend (default 100)
              --detrend-gauss-ms MS   Gaussian width of the detrend (default 10)
              --abs-mv-max MV         gating: reject a repeat whose |Vm| exceeds this (default 150)
              --step-mv MV            gating: step size (default 30)
              --max-step-frac F       gating: largest fraction of samples off by a step (default 0.005)
              --min-xcorr R           gating: smallest correlation with the other repeats (default 0.05)
              --spike-clip-ms MS      cell-attached cells: running-median high-pass before spike
                                      detection (default 10, the reference; 1 = the legacy pipeline)
            """;

    /** The waveform-mode options of {@code export}: a flag and a valued option. */
    static final String WAVEFORM_FLAG = "waveform";
    static final String AUDIO_FS = "audio-fs";

    static final String WAVEFORM_HELP = """
              --waveform              stims hold each stimulus's waveform resampled to --audio-fs and
                                      cut or zero-padded to T x hop samples (1 x T*hop single rows,
                                      hop = audio-fs x dt / 1000) instead of the spectrogram
              --audio-fs HZ           waveform sample rate, an integer (default 96000); audio-fs x dt-ms
                                      / 1000 must be a whole number
            """;

    private ParamOptions() {
    }

    /** The waveform mode asked for, or null (spectrogram mode); checks the grid lock with {@code p}'s dt. */
    static WaveformMode waveform(CliOptions o, Params p) throws UsageException {
        if (!o.has(WAVEFORM_FLAG)) {
            if (o.has(AUDIO_FS)) {
                throw new UsageException("--" + AUDIO_FS + " only applies with --" + WAVEFORM_FLAG);
            }
            return null;
        }
        WaveformMode m = new WaveformMode(o.integer(AUDIO_FS, WaveformMode.DEFAULT_AUDIO_FS));
        List<Params.ParamError> errors = m.errors(p.dtMs());
        if (!errors.isEmpty()) {
            Params.ParamError e = errors.get(0);
            throw new UsageException("--" + e.name() + ": " + e.message());
        }
        return m;
    }

    static Params from(CliOptions o) throws UsageException {
        Params d = Params.defaults();
        List<String> exp = o.list("experimenter", d.experimenters()).stream()
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        List<String> sites = o.list("sites", d.sites()).stream()
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
        Params p = new Params(o.number("dt-ms", d.dtMs()), o.number("fmin", d.fminHz()), o.number("fmax", d.fmaxHz()),
                o.integer("bins-per-octave", d.binsPerOctave()), o.optionalNumber("window-ms"),
                o.number("detrend-med-ms", d.detrendMedMs()), o.number("detrend-gauss-ms", d.detrendGaussMs()),
                o.number("abs-mv-max", d.absMvMax()), o.number("step-mv", d.stepMv()),
                o.number("max-step-frac", d.maxStepFrac()), o.number("min-xcorr", d.minXcorr()),
                o.number("spike-clip-ms", d.spikeClipMs()), exp, sites);
        List<Params.ParamError> errors = p.errors();
        if (!errors.isEmpty()) {
            // name an option the user typed before one left at its default (--fmin 50000 vs fmax 45000)
            Params.ParamError e = errors.stream().filter(x -> o.has(x.name())).findFirst().orElse(errors.get(0));
            throw new UsageException("--" + e.name() + ": " + e.message());
        }
        return p;
    }
}
