package org.ac1explorer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RepeatAnalysis;
import org.ac1explorer.dataset.ResponseBinning;
import org.ac1explorer.dsp.LogSpectrogram;
import org.ac1explorer.dsp.LogSpectrogramPlan;
import org.ac1explorer.dsp.MedGauss;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.dsp.SincResampler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH figures for the per-stimulus work of the explorer (issue 4's items 2–5), on synthetic
 * data of the benchmark's sizes: a 10 s stimulus at 97 656 Hz and 10 repeats of 10 s at 10 kHz,
 * as continuous (float) traces like the demo's or 16-bit quantised ones like the recordings'.
 * Times in ms per operation. Run with {@code mvn -Pjmh -DskipTests test-compile exec:exec}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class KernelBenchmarks {
    private static final double STIMULUS_HZ = 97_656;
    private static final double TRACE_HZ = 10_000;
    private static final int REPEATS = 10;

    /** "float": continuous samples; "int16": samples on a 1/32 mV grid, as the recordings' ADC counts. */
    @Param({"float", "int16"})
    public String traces;

    private final Params defaults = Params.defaults();
    private double[] stimulus;
    private RawRepeats repeats;
    private RepeatAnalysis analysis;
    private List<RepeatVerdict> verdicts;
    private LogSpectrogramPlan plan;
    private SincResampler toAudioRate;
    private final Params[] thresholds = {Params.defaults(), Params.defaults().withMinXcorr(0.2).withStepMv(20)};
    private final Params[] dts = {Params.defaults().withDtMs(4), Params.defaults()};
    private int flip;

    @Setup
    public void makeData() {
        Random rnd = new Random(2004);
        stimulus = new double[(int) (10 * STIMULUS_HZ)];
        double lp = 0;
        for (int i = 0; i < stimulus.length; i++) {
            lp = 0.9 * lp + 0.1 * rnd.nextGaussian();           // low-passed noise in bursts
            stimulus[i] = (Math.sin(i * 2e-5) > 0 ? 0.3 : 0.02) * (lp + 0.2 * rnd.nextGaussian());
        }
        List<double[]> traces = new ArrayList<>();
        double[] signal = new double[(int) (10 * TRACE_HZ)];
        double drift = -65;
        for (int i = 0; i < signal.length; i++) {
            drift += 0.01 * rnd.nextGaussian();
            signal[i] = drift + 3 * Math.sin(i * 2 * Math.PI * 4 / TRACE_HZ);
        }
        for (int r = 0; r < REPEATS; r++) {
            double[] t = new double[signal.length];
            for (int i = 0; i < t.length; i++) {
                double v = signal[i] + 0.5 * rnd.nextGaussian();
                t[i] = this.traces.equals("int16") ? Math.rint(v * 32) / 32 : v;
            }
            traces.add(t);
        }
        repeats = new RawRepeats(TRACE_HZ, traces);
        analysis = RepeatAnalysis.of(repeats, defaults.detrendMedMs(), defaults.detrendGaussMs());
        verdicts = analysis.verdicts(defaults.gating());
        plan = planFor(defaults);
        toAudioRate = SincResampler.of(97_656, 96_000);
    }

    private static LogSpectrogramPlan planFor(Params p) {
        return LogSpectrogramPlan.of(STIMULUS_HZ, p.dtMs(), p.effectiveWindowMs(), p.fminHz(), p.fmaxHz(), p.binsPerOctave());
    }

    /** Item 5: frames × bands per second is 2001 × 53 divided by this time. */
    @Benchmark
    public LogSpectrogram logSpectrogram10s() {
        return plan.compute(stimulus);
    }

    @Benchmark
    public double[] detrendOneTrace10s() {
        return MedGauss.detrend(repeats.tracesMv().get(0), TRACE_HZ, defaults.detrendMedMs(), defaults.detrendGaussMs());
    }

    @Benchmark
    public List<RepeatVerdict> detrendAndGate10Repeats() {
        return RepeatAnalysis.of(repeats, defaults.detrendMedMs(), defaults.detrendGaussMs()).verdicts(defaults.gating());
    }

    /** Item 3: the scores are cached, so a threshold change re-decides verdicts and re-bins the kept repeats. */
    @Benchmark
    public float[][] thresholdChange() {
        Params q = thresholds[flip++ & 1];
        return ResponseBinning.binKept(analysis, analysis.verdicts(q.gating()), false, q);
    }

    /** Item 4: a dt change recomputes the stimulus spectrogram and re-bins the responses. */
    @Benchmark
    public Object[] dtChange() {
        Params q = dts[flip++ & 1];
        return new Object[] {planFor(q).compute(stimulus), ResponseBinning.binKept(analysis, verdicts, false, q)};
    }

    /** Waveform export: one 10 s stimulus resampled to 96 kHz (windowed sinc, torchaudio's defaults). */
    @Benchmark
    public float[] resample10sTo96kHz() {
        return toAudioRate.apply(stimulus);
    }
}
