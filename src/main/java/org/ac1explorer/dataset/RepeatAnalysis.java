package org.ac1explorer.dataset;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.dsp.GatingThresholds;
import org.ac1explorer.dsp.MedGauss;
import org.ac1explorer.dsp.RepeatGating;
import org.ac1explorer.dsp.RepeatScores;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.dsp.SpikeDetection;
import org.ac1explorer.dsp.SpikeDetector;

/**
 * One cell x stimulus after the threshold-independent work: each repeat's MedGauss baseline and
 * detrended trace (mV) and its gating scores. Deciding verdicts for new thresholds is then cheap,
 * and so is re-binning: the spike detection of a repeat (cell-attached cells) does not depend on
 * the thresholds either, so it is computed once, when first asked for, and kept. Thread-safe.
 */
public final class RepeatAnalysis {
    private final double sfHz;
    private final double medMs;
    private final double gaussMs;
    private final List<double[]> raw;
    private final List<double[]> baselines;
    private final List<double[]> detrended;
    private final List<RepeatScores> scores;
    /** Spike detections per high-pass window (ms), each repeat computed on first use. */
    private final Map<Double, AtomicReferenceArray<SpikeDetection>> spikes = new ConcurrentHashMap<>();

    private RepeatAnalysis(double sfHz, double medMs, double gaussMs, List<double[]> raw, List<double[]> baselines,
                           List<double[]> detrended, List<RepeatScores> scores) {
        this.sfHz = sfHz;
        this.medMs = medMs;
        this.gaussMs = gaussMs;
        this.raw = raw;
        this.baselines = baselines;
        this.detrended = detrended;
        this.scores = scores;
    }

    /**
     * Detrends every repeat (running median of {@code medMs}, Gaussian of {@code gaussMs}) and
     * scores it; repeats are processed in parallel (the result does not depend on it).
     */
    public static RepeatAnalysis of(RawRepeats repeats, double medMs, double gaussMs) {
        double sf = repeats.sampleRateHz();
        List<double[]> traces = repeats.tracesMv();
        int r = traces.size();
        double[][] base = new double[r][];
        double[][] det = new double[r][];
        IntStream.range(0, r).parallel().forEach(i -> {
            double[] x = traces.get(i);
            double[] b = MedGauss.baseline(x, sf, medMs, gaussMs);
            double[] d = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                d[j] = x[j] - b[j];
            }
            base[i] = b;
            det[i] = d;
        });
        List<double[]> detList = List.of(det);
        return new RepeatAnalysis(sf, medMs, gaussMs, traces, List.of(base), detList,
                List.copyOf(RepeatGating.score(detList, sf)));
    }

    public double sfHz() {
        return sfHz;
    }

    /** The running-median window of the detrend, ms. */
    public double detrendMedMs() {
        return medMs;
    }

    /** The Gaussian σ of the detrend, ms. */
    public double detrendGaussMs() {
        return gaussMs;
    }

    public int repeatCount() {
        return raw.size();
    }

    /** The repeats as recorded, mV. */
    public List<double[]> raw() {
        return raw;
    }

    /** The MedGauss baselines, mV (raw minus detrended). */
    public List<double[]> baselines() {
        return baselines;
    }

    /** The detrended repeats, mV. */
    public List<double[]> detrended() {
        return detrended;
    }

    public List<RepeatScores> scores() {
        return scores;
    }

    public List<RepeatVerdict> verdicts(GatingThresholds t) {
        return RepeatGating.decide(scores, t);
    }

    /**
     * The spike detection of repeat {@code i} (for cell-attached recordings), with this analysis'
     * detrend windows and a high-pass median of {@code clipMs}: computed on first use, then kept,
     * as it does not depend on the gating thresholds.
     */
    public SpikeDetection spikeDetection(int i, double clipMs) {
        AtomicReferenceArray<SpikeDetection> cache = spikeCache(clipMs);
        SpikeDetection s = cache.get(i);
        if (s == null) {
            s = SpikeDetector.detect(detrended.get(i), sfHz, medMs, gaussMs, clipMs);
            // two threads may both compute it: the results are equal, keep the first
            if (!cache.compareAndSet(i, null, s)) {
                s = cache.get(i);
            }
        }
        return s;
    }

    /** Computes (in parallel) the spike detections of the given repeats not computed yet. */
    public void prepareSpikeDetections(List<Integer> repeats, double clipMs) {
        AtomicReferenceArray<SpikeDetection> cache = spikeCache(clipMs);
        repeats.parallelStream().filter(i -> cache.get(i) == null).forEach(i -> spikeDetection(i, clipMs));
    }

    private AtomicReferenceArray<SpikeDetection> spikeCache(double clipMs) {
        return spikes.computeIfAbsent(clipMs, c -> new AtomicReferenceArray<>(raw.size()));
    }
}
