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
        boolean cached = spiking && a.detrendMedMs() == p.detrendMedMs() && a.detrendGaussMs() == p.detrendGaussMs();
        if (cached) {
            a.prepareSpikeDetections(kept, p.spikeClipMs());
        }
        List<double[]> out = new ArrayList<>(kept.size());
        for (int i : kept) {
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

    /** kept x T float block; zero rows when no repeat was kept. */
    public static float[][] bin(List<double[]> keptSignals, double sfHz, double dtMs) {
        if (org.ac1explorer.dsp.Rounding.samples(dtMs, sfHz) < 1) {
            // the reference would silently bin by 1 sample: a different dt than asked
            throw new IllegalArgumentException("dt-ms " + Params.fmt(dtMs) + " is less than half a sample of a recording at "
                    + Params.fmt(sfHz) + " Hz, so its bins cannot be " + Params.fmt(dtMs) + " ms: use at least "
                    + Params.fmt(1000.0 / sfHz) + " ms (one sample), or only the cells recorded faster (--experimenter)");
        }
        List<double[]> binned = new ArrayList<>();
        int t = Integer.MAX_VALUE;
        for (double[] s : keptSignals) {
            double[] b = Binning.mean(s, sfHz, dtMs);
            binned.add(b);
            t = Math.min(t, b.length);
        }
        float[][] out = new float[binned.size()][];
        for (int r = 0; r < out.length; r++) {
            double[] b = binned.get(r);
            float[] row = new float[t];
            for (int k = 0; k < t; k++) {
                row[k] = (float) b[k];
            }
            out[r] = row;
        }
        return out;
    }

    public static float[][] binKept(RepeatAnalysis a, List<RepeatVerdict> verdicts, boolean spiking, Params p) {
        return bin(keptSignals(a, verdicts, spiking, p), a.sfHz(), p.dtMs());
    }
}
