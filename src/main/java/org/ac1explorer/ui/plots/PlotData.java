package org.ac1explorer.ui.plots;

import org.ac1explorer.curation.HandVerdict;
import org.ac1explorer.curation.RepeatOverride;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.GatingThresholds;
import org.ac1explorer.dsp.LogSpectrogram;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.dsp.SpikeDetection;
import org.ac1explorer.ui.common.VerdictStyle;
import org.ac1explorer.explore.SelectionData;

/**
 * Display-ready arrays for the three plots, prepared off the JavaFX thread from a
 * {@link SelectionData}: the heatmap grid, the trace rows' min/max envelopes for the visible
 * range, spike marks and the response curve. Nothing here computes science; it lays out and
 * decimates for drawing.
 */
public final class PlotData {
    private PlotData() {
    }

    /** Heatmap: frame times (s), band indices, dB values (band-major), the band centres. */
    public record Heatmap(double[] times, double[] bands, double[] z, double[] centresHz, double maxDb, int frames,
                         int hop, int window, double sf) {
    }

    public static Heatmap heatmap(LogSpectrogram s) {
        float[][] db = s.db();
        int nb = db.length;
        int nt = nb == 0 ? 0 : db[0].length;
        double[] times = new double[nt];
        for (int t = 0; t < nt; t++) {
            times[t] = t * (double) s.hop() / s.sf();
        }
        double[] bands = new double[nb];
        double[] z = new double[nb * nt];
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b < nb; b++) {
            bands[b] = b;
            for (int t = 0; t < nt; t++) {
                double v = db[b][t];
                z[b * nt + t] = v;
                if (v > max && Double.isFinite(v)) {
                    max = v;
                }
            }
        }
        return new Heatmap(times, bands, z, s.centresHz(), max, nt, s.hop(), s.window(), s.sf());
    }

    /**
     * How the repeat rows are laid out: which repeats, their vertical spacing (mV) and centring, or
     * all superimposed at their own values ({@code overlay}: offsets and centres 0, an absolute mV axis).
     */
    public record Layout(int[] repeats, double spacing, double[] centres, boolean raw, boolean overlay) {
        public double offset(int row) {
            return overlay ? 0 : -row * spacing;
        }

        /** What is subtracted from repeat row {@code row} before drawing (its baseline's median in stacked raw mode). */
        public double centre(int row) {
            return overlay ? 0 : centres[row];
        }
    }

    /** One repeat's row: its envelopes (main = detrended or raw, baseline in raw mode) and spike times. */
    public record Row(int repeat, RepeatVerdict verdict, RepeatOverride hand, String text, String details,
                      Envelope.Points main, Envelope.Points baseline, double[] spikeTimes, double offset) {
        public GateReason reason() {
            return verdict.reason();
        }

        /** Kept by its hand verdict, else by the gating. */
        public boolean kept() {
            return hand != null ? hand.verdict() == HandVerdict.KEEP : verdict.reason() == GateReason.KEPT;
        }

        /** The colour the row is drawn in: the gating's, kept when kept by hand, grey when rejected by hand. */
        public String colour() {
            if (hand == null) {
                return VerdictStyle.hex(verdict.reason());
            }
            return hand.verdict() == HandVerdict.KEEP ? VerdictStyle.hex(GateReason.KEPT) : VerdictStyle.HAND_REJECTED;
        }
    }

    public record Traces(Layout layout, List<Row> rows, double t0, double t1) {
    }

    /**
     * Chooses the rows (all repeats, or the kept ones) and a spacing of about 2.5 × the median of
     * the rows' 99.5th-percentile |amplitude| (99.95th for spikes), rounded to 1, 2 or 5 × 10^k mV.
     */
    public static Layout layout(SelectionData d, boolean raw, boolean hideRejected) {
        return layout(d, raw, hideRejected, false, 1.0);
    }

    /**
     * {@link #layout(SelectionData, boolean, boolean)}, superimposed when {@code overlay}; in rows,
     * {@code gain} (&gt; 0) magnifies the traces within their rows (the spacing in mV is divided by it).
     */
    public static Layout layout(SelectionData d, boolean raw, boolean hideRejected, boolean overlay, double gain) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < d.repeatCount(); i++) {
            if (!hideRejected || d.kept(i)) {
                shown.add(i);
            }
        }
        int[] rep = shown.stream().mapToInt(Integer::intValue).toArray();
        // spikes are rare and tall: size cell-attached rows by a higher percentile
        double q = d.spiking() && !raw ? 0.9995 : 0.995;
        double[] centres = new double[rep.length];
        double[] amp = new double[rep.length];
        for (int r = 0; r < rep.length; r++) {
            int i = rep[r];
            double[] trace = raw ? d.analysis().raw().get(i) : d.analysis().detrended().get(i);
            double c = raw ? median(sampled(d.analysis().baselines().get(i))) : 0;
            centres[r] = c;
            double[] s = sampled(trace);
            for (int k = 0; k < s.length; k++) {
                s[k] = Math.abs(s[k] - c);
            }
            Arrays.sort(s);
            amp[r] = s.length == 0 ? 0 : s[Math.min(s.length - 1, (int) Math.floor(q * (s.length - 1)))];
        }
        double[] sorted = amp.clone();
        Arrays.sort(sorted);
        double m = sorted.length == 0 ? 1 : sorted[sorted.length / 2];
        return new Layout(rep, nice(Math.max(2.5 * m, 1e-3)) / gain, centres, raw, overlay);
    }

    /** Rounds up to 1, 2 or 5 × 10^k. */
    static double nice(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double f = v / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    /** Rounds down to 1, 2 or 5 × 10^k (the largest such value not above {@code v} &gt; 0). */
    static double niceBelow(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        double f = v / p;
        // a hair of tolerance: 0.2 / 0.1 is 1.9999999999999998
        return (f >= 10 - 1e-9 ? 10 : f >= 5 - 1e-9 ? 5 : f >= 2 - 1e-9 ? 2 : 1) * p;
    }

    private static double[] sampled(double[] x) {
        int step = Math.max(1, x.length / 20000);
        double[] s = new double[(x.length + step - 1) / step];
        for (int i = 0, k = 0; i < x.length; i += step, k++) {
            s[k] = x[i];
        }
        return s;
    }

    private static double median(double[] s) {
        if (s.length == 0) {
            return 0;
        }
        double[] c = s.clone();
        Arrays.sort(c);
        return c.length % 2 == 1 ? c[c.length / 2] : 0.5 * (c[c.length / 2 - 1] + c[c.length / 2]);
    }

    /** The rows' envelopes over [t0, t1] s at {@code columns} pixel columns. */
    public static Traces traces(SelectionData d, Layout layout, double t0, double t1, int columns) {
        GatingThresholds g = d.params().gating();
        double sf = d.analysis().sfHz();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < layout.repeats().length; r++) {
            int i = layout.repeats()[r];
            RepeatVerdict v = d.verdicts().get(i);
            double off = layout.offset(r) - layout.centre(r);
            Envelope.Points main;
            Envelope.Points base = null;
            if (layout.raw()) {
                main = Envelope.of(d.analysis().raw().get(i), sf, t0, t1, columns, off);
                base = Envelope.of(d.analysis().baselines().get(i), sf, t0, t1, Math.max(1, columns / 4), off);
            } else {
                main = Envelope.of(d.analysis().detrended().get(i), sf, t0, t1, columns, off);
            }
            double[] spikes = null;
            if (d.spikes() != null) {
                spikes = spikeOnsets(d.spikes().get(i), sf);
            }
            RepeatOverride hand = d.hand(i);
            String text = "#" + (i + 1) + "  " + (hand == null ? VerdictStyle.explain(v, g)
                    : (hand.verdict() == HandVerdict.KEEP ? "✔ " : "✘ ") + hand.describe());
            String details = (hand == null ? "" : hand.describe() + " (gating: " + VerdictStyle.explain(v, g) + ")\n")
                    + VerdictStyle.details(v, g);
            rows.add(new Row(i, v, hand, text, details, main, base, spikes, layout.offset(r)));
        }
        return new Traces(layout, rows, t0, t1);
    }

    /** Times (s) where the detector's 0/1 train switches on. */
    static double[] spikeOnsets(SpikeDetection s, double sf) {
        double[] train = s.train();
        int n = 0;
        for (int i = 0; i < train.length; i++) {
            if (train[i] != 0 && (i == 0 || train[i - 1] == 0)) {
                n++;
            }
        }
        double[] t = new double[n];
        for (int i = 0, k = 0; i < train.length; i++) {
            if (train[i] != 0 && (i == 0 || train[i - 1] == 0)) {
                t[k++] = i / sf;
            }
        }
        return t;
    }

    /** The response curve: bin-centre times (s), mean and s.e.m. */
    public record Response(double[] times, double[] mean, double[] sem, int kept, boolean spiking, double dtMs) {
    }

    public static Response response(SelectionData d) {
        double[] t = new double[d.mean().length];
        for (int k = 0; k < t.length; k++) {
            t[k] = d.binCentreS(k);
        }
        return new Response(t, d.mean(), d.sem(), d.binnedKept().length, d.spiking(), d.params().dtMs());
    }
}
