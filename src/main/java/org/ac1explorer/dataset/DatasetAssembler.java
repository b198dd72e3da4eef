package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.StimulusInfo;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.dsp.LogBands;
import org.ac1explorer.dsp.LogSpectrogramPlan;

/**
 * Builds the S x N grid from an opened archive exactly as the reference loader does (docs/processing.md §2.7,
 * §2b): cells are processed in parallel, then stimuli are registered in cell order (first cell
 * wins), T is bounded per stimulus and everything cut to it.
 */
public final class DatasetAssembler {
    private DatasetAssembler() {
    }

    /** Names the gating threshold(s) that rejected every repeat, largest count first. */
    static String rejectedEverything(RejectionCounts c, Params p) {
        record Reason(long count, String test, String flags) {
        }
        List<Reason> reasons = new ArrayList<>(List.of(
                new Reason(c.range(), "range", "--abs-mv-max " + Params.fmt(p.absMvMax())),
                new Reason(c.step(), "step", "--step-mv " + Params.fmt(p.stepMv()) + " / --max-step-frac " + Params.fmt(p.maxStepFrac())),
                new Reason(c.xcorr(), "xcorr", "--min-xcorr " + Params.fmt(p.minXcorr()))));
        reasons.sort((x, y) -> Long.compare(y.count(), x.count()));
        List<String> why = new ArrayList<>();
        for (Reason r : reasons) {
            if (r.count() > 0) {
                why.add(r.count() + " by " + r.test() + " (" + r.flags() + ")");
            }
        }
        return "gating rejected every repeat: " + String.join(", ", why) + "; relax " + reasons.get(0).flags();
    }

    /** Whether the cell is in the cohort the parameters select. */
    public static boolean selects(Params p, CellRecord c) {
        return p.experimenters().contains(c.experimenter()) && p.sites().contains(c.site());
    }

    /**
     * Assembles the dataset; throws IllegalArgumentException for invalid parameters and
     * IllegalStateException when no cell matches the filters or contributes data.
     */
    public static AssembledDataset assemble(Ac1Archive archive, Params p, ProgressMonitor monitor) {
        return assemble(archive, p, null, monitor);
    }

    /**
     * Assembles the dataset with waveform stimuli ({@code waveform} non-null, docs/processing.md §2.8) or
     * spectrograms (null); the responses are the same in both modes. Throws
     * IllegalArgumentException naming the parameter when --audio-fs and --dt-ms do not grid-lock.
     */
    public static AssembledDataset assemble(Ac1Archive archive, Params p, WaveformMode waveform, ProgressMonitor monitor) {
        return assemble(archive, p, waveform, null, monitor);
    }

    /** {@link #assemble(Ac1Archive, Params, WaveformMode, ProgressMonitor)} with a curation applied after the gating (null: none). */
    public static AssembledDataset assemble(Ac1Archive archive, Params p, WaveformMode waveform, Curation curation,
                                            ProgressMonitor monitor) {
        p.validate();
        if (waveform != null) {
            waveform.validate(p.dtMs());
        }
        CohortDigest digest = CohortDigest.of(archive, p, p.maxStepFrac(), monitor);
        return assemble(archive, digest, p, waveform, curation, monitor);
    }

    /**
     * Assembles the dataset at {@code p} from a digest that {@linkplain CohortDigest#serves serves}
     * it: decides the repeats, then computes the registered stimuli's spectrograms (or waveforms).
     */
    public static AssembledDataset assemble(Ac1Archive archive, CohortDigest digest, Params p, WaveformMode waveform,
                                            ProgressMonitor monitor) {
        return assemble(archive, digest, p, waveform, null, monitor);
    }

    /**
     * {@link #assemble(Ac1Archive, CohortDigest, Params, WaveformMode, ProgressMonitor)} with a
     * curation applied after the gating (null: none; the result is then exactly the uncurated one).
     */
    public static AssembledDataset assemble(Ac1Archive archive, CohortDigest digest, Params p, WaveformMode waveform,
                                            Curation curation, ProgressMonitor monitor) {
        CohortDigest.Grid g = digest.grid(p.gating(), curation);
        List<CellRecord> neurons = g.neurons();
        if (neurons.isEmpty()) {
            throw new IllegalStateException(noCellsMessage(p, archive.cells().size(), g));
        }
        List<CohortDigest.Registration> registered = g.stimuli();
        int nS = registered.size();
        int[] shortest = g.shortest();
        List<StimulusEntry> stimuli = new ArrayList<>();
        int[] tCanon = new int[nS];
        Map<Double, LogSpectrogramPlan> plans = new HashMap<>();
        if (waveform != null) {
            StimulusEntry[] entries = WaveformStimuli.entries(archive,
                    registered.stream().map(r -> r.first().stimulus().info()).toList(),
                    registered.stream().mapToDouble(CohortDigest.Registration::durationMs).toArray(), shortest, p, waveform, monitor);
            for (int s = 0; s < nS; s++) {
                stimuli.add(entries[s]);
                tCanon[s] = entries[s].frames();
            }
        }
        for (int s = 0; s < nS && waveform == null; s++) {
            monitor.checkCancelled();
            monitor.progress(s, nS, "Computing spectrograms");
            CohortDigest.Registration e = registered.get(s);
            // one stimulus at a time: the plan splits its frames over the pool (no nested blocking waits)
            float[][] spec = spectrogram(archive, e.first().stimulus().info(), p, plans);
            int t = canonicalT(e.durationMs(), p.dtMs(), spec.length == 0 ? 0 : spec[0].length, shortest[s]);
            tCanon[s] = t;
            stimuli.add(new StimulusEntry(e.first().stimulus().info(), e.durationMs(), cutColumns(spec, t)));
        }
        float[][][][] responses = new float[nS][neurons.size()][][];
        for (int k = 0; k < g.placedAt().size(); k++) {
            int s = g.placedAt().get(k)[0];
            int n = g.placedAt().get(k)[1];
            responses[s][n] = cutColumns(g.placedBlock().get(k), tCanon[s]);
        }
        List<String> warnings = new ArrayList<>(CohortDigest.warnings(g, p, waveform == null));
        if (g.curation() != null) {
            warnings.addAll(g.curation().unmatchedLines());
        }
        String signalType = CohortDigest.signalType(g);
        RejectionCounts counts = g.rejections();
        return new AssembledDataset(p, LogBands.centresHz(p.fminHz(), p.fmaxHz(), p.binsPerOctave()), stimuli,
                neurons, responses, counts, signalType, g.dropped(),
                archive.problems().stream().sorted(Problem.ORDER).toList(), warnings, waveform, g.curation());
    }

    /**
     * Why a cohort gives no grid, in the reference's words ("no cells matched …"), then which of the
     * two ways it came about and, when gating rejected every repeat, which threshold to relax.
     */
    public static String noCellsMessage(Params p, int datasetCells, CohortDigest.Grid g) {
        RejectionCounts counts = g.rejections();
        return "no cells matched experimenter=" + String.join(",", p.experimenters())
                + " sites=" + String.join(",", p.sites()) + ": " + (g.cohortSize() == 0
                ? "none of the " + datasetCells + " cells of the dataset is in this cohort"
                : "all " + g.cohortSize() + " cells of the cohort were dropped, none kept a repeat (" + counts + ")"
                + (counts.kept() == 0 && counts.range() + counts.step() + counts.xcorr() > 0
                ? "; " + rejectedEverything(counts, p) : ""));
    }

    /** T = min(round(duration/dt), spectrogram frames, shortest response) over the positive ones; 0 when none is (bins). */
    public static int canonicalT(double durationMs, double dtMs, int specFrames, int shortestResponse) {
        double tDur = Math.rint(durationMs / dtMs);
        long t = Long.MAX_VALUE;
        if (tDur > 0) {
            t = Math.min(t, (long) Math.min(tDur, Integer.MAX_VALUE));
        }
        if (specFrames > 0) {
            t = Math.min(t, specFrames);
        }
        if (shortestResponse > 0) {
            t = Math.min(t, shortestResponse);
        }
        return t == Long.MAX_VALUE ? 0 : (int) t;
    }

    /**
     * The duration that bounds T: the first registering cell's trigger duration; for a Wehr trial
     * without one, the waveform's own length (ms; 0 when that waveform is unreadable).
     */
    public static double durationForT(CellStimulus st, Ac1Archive archive) {
        double d = st.info().durationMs();
        if (d != 0 || !st.info().isWehr()) {
            return d;
        }
        try {
            return archive.waveform(st.info()).durationMs();
        } catch (MatReadException e) {
            return 0;
        }
    }

    /** The first {@code t} columns of every row (rows already that short are kept as they are). */
    public static float[][] cutColumns(float[][] block, int t) {
        float[][] out = new float[block.length][];
        for (int r = 0; r < block.length; r++) {
            out[r] = block[r].length == t ? block[r] : java.util.Arrays.copyOf(block[r], Math.min(t, block[r].length));
        }
        return out;
    }

    private static float[][] spectrogram(Ac1Archive archive, StimulusInfo info, Params p, Map<Double, LogSpectrogramPlan> plans) {
        Waveform w;
        try {
            w = archive.waveformOnce(info);
        } catch (MatReadException e) {
            // it was read moments ago while the cells were processed: the file changed under us
            throw new IllegalStateException(archive.describeStimulus(info) + ": " + e.getMessage(), e);
        }
        return plans.computeIfAbsent(w.sampleRateHz(), sf -> LogSpectrogramPlan.of(sf, p.dtMs(), p.effectiveWindowMs(),
                p.fminHz(), p.fmaxHz(), p.binsPerOctave())).compute(w.samples()).db();
    }
}
