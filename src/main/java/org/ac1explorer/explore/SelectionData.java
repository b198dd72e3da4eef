package org.ac1explorer.explore;

import java.util.List;
import org.ac1explorer.curation.CellExclusion;
import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatOverride;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RepeatAnalysis;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.LogSpectrogram;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.dsp.SpikeDetection;

/**
 * Everything the plots show for one cell x stimulus at one parameter set, computed in the
 * background: the repeats' analysis and verdicts, spike detections (cell-attached cells, one per
 * repeat, else null), the stimulus spectrogram (null with {@code spectrogramError} when the
 * waveform cannot be read) and the binned response of the kept repeats (mean and s.e.m. per dt
 * bin; {@code binnedKept} rows are the kept repeats as the export holds them). {@code analysis} is
 * null (with {@code repeatsError}) when no repeat could be read. {@code hand} holds each repeat's
 * hand verdict from the open curation (null where the gating decides); {@code excluded} the cell's
 * exclusion, or null. A repeat is kept when its hand verdict says so, else when the gating kept it.
 */
public record SelectionData(Selection selection, Params params, RepeatAnalysis analysis, List<RepeatVerdict> verdicts,
                            List<SpikeDetection> spikes, LogSpectrogram spectrogram, String spectrogramError,
                            float[][] binnedKept, double[] mean, double[] sem, String repeatsError,
                            RepeatOverride[] hand, CellExclusion excluded) {

    /** The hand verdict of repeat i (0-based), or null. */
    public RepeatOverride hand(int i) {
        return hand == null || i >= hand.length ? null : hand[i];
    }

    /** Whether repeat i (0-based) is kept: by its hand verdict, else by the gating. */
    public boolean kept(int i) {
        RepeatOverride h = hand(i);
        return h != null ? h.verdict() == HandVerdict.KEEP : verdicts.get(i).reason() == GateReason.KEPT;
    }

    public boolean spiking() {
        return selection.cell().isSpiking();
    }

    public int repeatCount() {
        return verdicts == null ? 0 : verdicts.size();
    }

    public long keptCount() {
        long n = 0;
        for (int i = 0; i < repeatCount(); i++) {
            n += kept(i) ? 1 : 0;
        }
        return n;
    }

    /** Frames of the spectrogram (0 without one). */
    public int spectrogramFrames() {
        return spectrogram == null || spectrogram.db().length == 0 ? 0 : spectrogram.db()[0].length;
    }

    /** Seconds covered by the longest of repeats and spectrogram, for "fit". */
    public double durationS() {
        double d = 0;
        if (analysis != null) {
            for (double[] r : analysis.raw()) {
                d = Math.max(d, r.length / analysis.sfHz());
            }
        }
        if (spectrogram != null) {
            d = Math.max(d, spectrogramFrames() * (double) spectrogram.hop() / spectrogram.sf());
        }
        if (d == 0 && selection.stimulus().info().durationMs() > 0) {
            d = selection.stimulus().info().durationMs() / 1000.0;
        }
        return d > 0 ? d : 1.0;
    }

    /** The time of bin k's centre, s. */
    public double binCentreS(int k) {
        return (k + 0.5) * params.dtMs() / 1000.0;
    }
}
