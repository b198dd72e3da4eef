package org.ac1explorer.dataset;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.dsp.LogBands;

/**
 * Bytes of an export's two large variables, {@code stims} and {@code responses}, and of the whole
 * file: estimated from the index before any computing ({@link #estimate}: every repeat kept, T from
 * the trigger durations), or counted from an assembled dataset ({@link #of}). An export whose
 * variable would not fit a MAT v5 element (mfl-core sizes elements with a signed 32-bit int) is
 * refused naming the flag to change.
 */
public record ExportSize(long stimsBytes, long responsesBytes, long otherBytes) {
    /** Largest variable written: mfl-core's element sizes are ints (and MAT v5's are 32-bit). */
    public static final long MAX_VARIABLE_BYTES = Integer.MAX_VALUE;
    /** Tag, flags, dimensions and name of one small matrix element. */
    private static final long ELEMENT_HEADER = 64;

    public long fileBytes() {
        return 128 + stimsBytes + responsesBytes + otherBytes; // each at most SATURATED: no overflow
    }

    /** Upper-bound estimate from the index of cells, before reading any trace or stimulus. */
    public static ExportSize estimate(List<CellRecord> cells, Params p, WaveformMode waveform) {
        int bands = LogBands.count(p.fminHz(), p.fmaxHz(), p.binsPerOctave());
        Set<StimulusKey> seen = new HashSet<>();
        long stims = 0;
        long responses = 0;
        long cellsIn = 0;
        for (CellRecord c : cells) {
            if (!DatasetAssembler.selects(p, c)) {
                continue;
            }
            cellsIn++;
            for (CellStimulus st : c.stimuli()) {
                // in doubles, saturating: a tiny dt must give a huge estimate, never an overflow
                double t = Math.floor(Math.max(0, st.info().durationMs()) / p.dtMs());
                responses = saturated(responses + ELEMENT_HEADER + 8.0 * t * st.repeats().size());
                if (seen.add(st.key())) {
                    double perFrame = waveform == null ? 4.0 * bands : 4.0 * waveform.hop(p.dtMs());
                    stims = saturated(stims + ELEMENT_HEADER + perFrame * t);
                }
            }
        }
        long sentinels = ELEMENT_HEADER * seen.size() * cellsIn; // NaN cells of the S x N grid, upper bound
        return new ExportSize(stims, responses + sentinels, ELEMENT_HEADER * (seen.size() + cellsIn) * 4);
    }

    private static final long SATURATED = Long.MAX_VALUE / 4;

    private static long saturated(double bytes) {
        return bytes >= SATURATED ? SATURATED : (long) bytes;
    }

    private static String gigabytes(long bytes) {
        return bytes >= SATURATED ? "more than a billion GB" : String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }

    /** The sizes of an assembled dataset's variables. */
    public static ExportSize of(AssembledDataset d) {
        long stims = 0;
        for (StimulusEntry e : d.stimuli()) {
            float[][] spec = e.spectrogramDb();
            long n = d.isWaveform() ? e.waveform().length
                    : spec == null || spec.length == 0 ? 0 : (long) spec.length * spec[0].length;
            stims += ELEMENT_HEADER + 4L * n;
        }
        long responses = 0;
        for (int s = 0; s < d.stimulusCount(); s++) {
            for (int n = 0; n < d.neuronCount(); n++) {
                float[][] r = d.response(s, n);
                long values = r == null ? 1 : (long) r.length * (r.length == 0 ? 0 : r[0].length);
                responses += ELEMENT_HEADER + 8L * values;
            }
        }
        return new ExportSize(stims, responses, ELEMENT_HEADER * (d.stimulusCount() + d.neuronCount()) * 4);
    }

    /** Refuses when a variable exceeds {@code limitBytes}, naming the flags that shrink it. */
    public void checkFits(Params p, boolean waveform, long limitBytes) throws IOException {
        if (stimsBytes > limitBytes) {
            String what = waveform ? "the waveforms (stims)" : "the spectrograms (stims)";
            String flags = waveform ? "lower --audio-fs or raise --dt-ms (now " + Params.fmt(p.dtMs()) + ")"
                    : "raise --dt-ms (now " + Params.fmt(p.dtMs()) + "), lower --bins-per-octave or --fmax";
            throw new OutputTarget.Refused(String.format(Locale.ROOT, "%s need %s, more than a MAT v5 variable"
                    + " can hold (%.2f GB): %s, or export fewer cells (--experimenter, --sites)",
                    what, gigabytes(stimsBytes), limitBytes / 1e9, flags));
        }
        if (responsesBytes > limitBytes) {
            throw new OutputTarget.Refused(String.format(Locale.ROOT, "the responses need %s, more than a MAT v5"
                    + " variable can hold (%.2f GB): raise --dt-ms (now %s), or export fewer cells (--experimenter, --sites)",
                    gigabytes(responsesBytes), limitBytes / 1e9, Params.fmt(p.dtMs())));
        }
    }
}
