package org.ac1explorer.cli;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ac1explorer.dataset.Params;

/** The processing options shared by {@code summary} and {@code export}, turned into {@link Params}. */
final class ParamOptions {
    static final Set<String> NAMES = Set.of("dt-ms", "fmin", "fmax", "bins-per-octave", "window-ms", "experimenter",
            "sites", "detrend-med-ms", "detrend-gauss-ms", "abs-mv-max", "step-mv", "max-step-frac", "min-xcorr");

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
            """;

    private ParamOptions() {
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
                o.number("max-step-frac", d.maxStepFrac()), o.number("min-xcorr", d.minXcorr()), exp, sites);
        List<Params.ParamError> errors = p.errors();
        if (!errors.isEmpty()) {
            Params.ParamError e = errors.get(0);
            throw new UsageException("--" + e.name() + ": " + e.message());
        }
        return p;
    }
}
