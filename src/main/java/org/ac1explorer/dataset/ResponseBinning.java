package org.ac1explorer.dataset;

import java.util.ArrayList;
import java.util.List;
import org.ac1explorer.dsp.Binning;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.dsp.SpikeDetector;

/**
 * The binned response of one cell x stimulus: the kept repeats (for spiking cells their smoothed
 * spike trains first) average-pooled into dt bins, all cut to the shortest, rounded to float as
 * the reference stores them. Rows are repeats, columns time bins of dt ms.
 */
public final class ResponseBinning {
    private ResponseBinning() {
    }

    /**
     * The kept repeats' signals before binning: detrended mV, or spike PSTHs for spiking cells
     * (the analysis' cached detections when its detrend windows are those of {@code p}, computed
     * in parallel the first time).
     */
    public static List<double[]> keptSignals(RepeatAnalysis a, List<RepeatVerdict> verdicts, boolean spiking, Params p) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < verdicts.size(); i++) {
            if (verdicts.get(i).reason() == GateReason.KEPT) {
                kept.add(i);
            }
        }
        return signals(a, kept, spiking, p);
    }

    /** The signals before binning of the given repeats (in that order), as {@link #keptSignals} makes them. */
    public static List<double[]> signals(RepeatAnalysis a, List<Integer> repeats, boolean spiking, Params p) {
        boolean cached = spiking && a.detrendMedMs() == p.detrendMedMs() && a.detrendGaussMs() == p.detrendGaussMs();
        if (cached) {
            a.prepareSpikeDetections(repeats, p.spikeClipMs());
        }
        List<double[]> out = new ArrayList<>(repeats.size());
        for (int i : repeats) {
            double[] d = a.detrended().get(i);
            if (!spiking) {
                out.add(d);
            } else if (cached) {
                out.add(a.spikeDetection(i, p.spikeClipMs()).psth());
            } else {
                out.add(SpikeDetector.detect(d, a.sfHz(), p.detrendMedMs(), p.detrendGaussMs(), p.spikeClipMs()).psth());
            }
        }
        return out;
    }

    /** Refuses a dt shorter than half a sample at {@code sfHz}: the reference would silently bin by 1 sample. */
    static void requireWholeBins(double sfHz, double dtMs) {
        if (org.ac1explorer.dsp.Rounding.samples(dtMs, sfHz) < 1) {
            throw new IllegalArgumentException("dt-ms " + Params.fmt(dtMs) + " is less than half a sample of a recording at "
                    + Params.fmt(sfHz) + " Hz, so its bins cannot be " + Params.fmt(dtMs) + " ms: use at least "
                    + Params.fmt(1000.0 / sfHz) + " ms (one sample), or only the cells recorded faster (--experimenter)");
        }
    }

    /** Each signal average-pooled into dt bins and rounded to float, rows of their own lengths. */
    public static float[][] rows(List<double[]> signals, double sfHz, double dtMs) {
        requireWholeBins(sfHz, dtMs);
        float[][] out = new float[signals.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = Binning.meanFloats(signals.get(r), sfHz, dtMs);
        }
        return out;
    }

    /** kept x T float block; zero rows when no repeat was kept. */
    public static float[][] bin(List<double[]> keptSignals, double sfHz, double dtMs) {
        float[][] rows = rows(keptSignals, sfHz, dtMs);
        int t = Integer.MAX_VALUE;
        for (float[] row : rows) {
            t = Math.min(t, row.length);
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != t) {
                rows[r] = java.util.Arrays.copyOf(rows[r], t);
            }
        }
        return rows;
    }

    public static float[][] binKept(RepeatAnalysis a, List<RepeatVerdict> verdicts, boolean spiking, Params p) {
        return bin(keptSignals(a, verdicts, spiking, p), a.sfHz(), p.dtMs());
    }
}
