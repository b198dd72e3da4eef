package org.ac1explorer.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.ac1explorer.demo.DemoPlan.AsariCell;
import org.ac1explorer.demo.DemoPlan.AsariFile;
import org.ac1explorer.demo.DemoPlan.AsariSegment;
import org.ac1explorer.demo.DemoPlan.AsariSequence;
import org.ac1explorer.demo.DemoPlan.Probe;
import org.ac1explorer.demo.DemoPlan.Sound;
import org.ac1explorer.demo.DemoPlan.Trigger;
import org.ac1explorer.demo.DemoPlan.WehrCell;
import org.ac1explorer.demo.DemoPlan.WehrStimulus;
import org.ac1explorer.demo.DemoPlan.WehrTrial;
import org.ac1explorer.demo.SyntheticNeuron.Placement;

import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.Cell;
import us.hebi.matlab.mat.types.MatFile;
import us.hebi.matlab.mat.types.Struct;

import static org.ac1explorer.demo.DemoMatWriter.doubles;
import static org.ac1explorer.demo.DemoMatWriter.int16Column;
import static org.ac1explorer.demo.DemoMatWriter.scalar;
import static org.ac1explorer.demo.DemoMatWriter.text;

/** The MATLAB structures of each demo file, in the CRCNS-AC1 layout (field names and types as in the release). */
final class DemoFileContent {
    /** Segment ramp of the Asari splice (ms), as the loader applies it. */
    static final double SEGMENT_RAMP_MS = 5;

    private static final Map<Probe, Cochleagram> PROBES = new ConcurrentHashMap<>();

    private DemoFileContent() {
    }

    // ------------------------------------------------------------------ stimuli

    static double[] waveform(WehrStimulus s) {
        return NaturalSoundSynth.render(s.recipe(), DemoPlan.WEHR_STIM_SF, s.samples() / DemoPlan.WEHR_STIM_SF,
                s.seed());
    }

    static double[] waveform(AsariSegment s) {
        return NaturalSoundSynth.render(s.recipe(), DemoPlan.ASARI_STIM_SF, s.samples() / DemoPlan.ASARI_STIM_SF,
                s.seed());
    }

    /** {@code stimulus} {samples, param {sf, description, duration, type}}. */
    static MatFile wehrStimulus(WehrStimulus s, double[] wave) {
        Struct param = Mat5.newStruct()
                .set("sf", scalar(DemoPlan.WEHR_STIM_SF))
                .set("description", text(s.description()))
                .set("duration", scalar(s.durationMs()))
                .set("type", text("naturalsound"));
        Struct stim = Mat5.newStruct()
                .set("samples", doubles(wave, !s.column()))
                .set("param", param);
        return DemoMatWriter.newFile().addArray("stimulus", s.compressed(), stim);
    }

    /** {@code stimulus} {sample or samples, param {sf, description, ramp}}. */
    static MatFile asariSegment(AsariSegment s, double[] wave) {
        Struct param = Mat5.newStruct()
                .set("sf", scalar(DemoPlan.ASARI_STIM_SF))
                .set("description", text(s.description()))
                .set("ramp", scalar(SEGMENT_RAMP_MS));
        Struct stim = Mat5.newStruct()
                .set(s.waveField(), doubles(wave, true))
                .set("param", param);
        return DemoMatWriter.newFile().addArray("stimulus", s.compressed(), stim);
    }

    /** The sequence as the loader splices it: segments concatenated, each with 5-ms sin² ramps. */
    static double[] splice(AsariSequence seq, Function<AsariSegment, double[]> waves) {
        double[] out = new double[seq.samples()];
        int at = 0;
        for (AsariSegment s : seq.segments()) {
            double[] w = waves.apply(s).clone();
            int n = Math.min(Math.max(1, (int) Math.rint(SEGMENT_RAMP_MS * DemoPlan.ASARI_STIM_SF / 1000)),
                    w.length / 2);
            for (int k = 0; k < n; k++) {
                double g = StrictMath.sin(0.5 * Math.PI * k / n);
                g *= g;
                w[k] *= g;
                w[w.length - 1 - k] *= g;
            }
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length;
        }
        return out;
    }

    /** What a tone, noise or silence trial sounds like to the neurons. */
    static Cochleagram probe(Probe p) {
        return PROBES.computeIfAbsent(p, DemoFileContent::renderProbe);
    }

    private static Cochleagram renderProbe(Probe p) {
        int n = (int) Math.round(p.durationMs() / 1000 * p.sf());
        double[] w = new double[n];
        double amp = StrictMath.pow(10, (p.levelDb() - 95) / 20);
        SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(p.frequencyHz()) ^ n);
        for (int i = 0; i < n; i++) {
            switch (p.kind()) {
                case "tone":
                    w[i] = amp * StrictMath.sin(2 * Math.PI * p.frequencyHz() * i / p.sf());
                    break;
                case "noise":
                    w[i] = amp * 0.3 * r.nextGaussian();
                    break;
                default:
                    w[i] = 0;
            }
        }
        int ramp = Math.min(n / 2, (int) Math.round(0.005 * p.sf()));
        for (int k = 0; k < ramp; k++) {
            double g = StrictMath.sin(0.5 * Math.PI * k / ramp);
            w[k] *= g * g;
            w[n - 1 - k] *= g * g;
        }
        return Cochleagram.of(w, p.sf());
    }

    // ------------------------------------------------------------------ Wehr

    /** {@code summary} {cells (1xN cell of session names), note, sf}. */
    static MatFile wehrSummary(List<WehrCell> cells) {
        Cell names = Mat5.newCell(1, cells.size());
        for (int i = 0; i < cells.size(); i++) {
            names.set(i, text(cells.get(i).session()));
        }
        Struct summary = Mat5.newStruct()
                .set("cells", names)
                .set("note", text("synthetic CRCNS-AC1 demo data (AC1 Explorer); not recorded from animals"))
                .set("sf", scalar(DemoPlan.WEHR_RESP_SF));
        return DemoMatWriter.newFile().addArray("summary", summary);
    }

    /**
     * One Wehr trial: {@code response} {trace int16 column, scale, sf, units} and {@code triggers} (1x1) {type, time
     * (1-based onset sample), param {description, duration ms, ...}}.
     */
    static MatFile wehrTrial(WehrCell cell, WehrTrial trial, SyntheticNeuron neuron,
                             Function<Sound, double[]> templates) {
        double sf = DemoPlan.WEHR_RESP_SF;
        Trigger t = trial.trigger();
        SplittableRandom rng = new SplittableRandom(trial.seed());
        int onset = (int) Math.round(trial.preS() * sf);
        int len = (int) Math.rint(t.durationMs() * sf / 1000);
        int n = onset + len + (int) Math.round(trial.postS() * sf);
        List<Placement> placements = new ArrayList<>();
        placements.add(new Placement(onset, templates.apply(t.sound()), len, trialGain(rng), t.artifact()));
        double[] mv = neuron.record(n, sf, placements, rng);
        Struct response = Mat5.newStruct()
                .set("trace", int16Column(SyntheticNeuron.toCounts(mv, cell.scale())))
                .set("scale", scalar(cell.scale()))
                .set("sf", scalar(sf))
                .set("units", text("mV"));
        Struct trig = Mat5.newStruct()
                .set("type", text(t.type()))
                .set("time", scalar(onset + 1))
                .set("param", triggerParam(t));
        return DemoMatWriter.newFile()
                .addArray("response", trial.compressed(), response)
                .addArray("triggers", trial.compressed(), trig);
    }

    private static double trialGain(SplittableRandom rng) {
        return Math.max(0.75, Math.min(1.25, 1 + 0.08 * rng.nextGaussian()));
    }

    private static Struct triggerParam(Trigger t) {
        Struct p = Mat5.newStruct()
                .set("description", text(t.description()))
                .set("duration", scalar(t.durationMs()));
        if (!Double.isNaN(t.frequencyHz())) {
            p.set("frequency", scalar(t.frequencyHz()));
        }
        if (!Double.isNaN(t.levelDb())) {
            p.set("amplitude", scalar(t.levelDb()));
        }
        return p;
    }

    // ------------------------------------------------------------------ Asari

    /**
     * One Asari recording file: {@code param} {stimulus (1xK struct array {file, ramp}), recording {site, type,
     * depth}, ID {description, animal}}, {@code response} {trace, scale, sf} and {@code triggers} (1xM struct array).
     */
    static MatFile asariFile(AsariCell cell, AsariFile file, SyntheticNeuron neuron,
                             Function<Sound, double[]> templates) {
        double sf = DemoPlan.ASARI_RESP_SF;
        SplittableRandom rng = new SplittableRandom(file.seed());
        List<Trigger> triggers = file.triggers();
        double[] onsetS = new double[triggers.size()];
        double t = 0.4 + 0.4 * rng.nextDouble();
        for (int i = 0; i < triggers.size(); i++) {
            onsetS[i] = t;
            boolean natural = triggers.get(i).sound() instanceof AsariSequence;
            t += triggers.get(i).durationMs() / 1000 + (natural ? 0.8 + 0.6 * rng.nextDouble()
                    : 0.4 + 0.2 * rng.nextDouble());
        }
        int n = (int) Math.round((t + 0.1) * sf);
        List<Placement> placements = new ArrayList<>();
        int[] onsets = new int[triggers.size()];
        for (int i = 0; i < triggers.size(); i++) {
            Trigger tr = triggers.get(i);
            onsets[i] = (int) Math.round(onsetS[i] * sf);
            int len = (int) Math.rint(tr.durationMs() * sf / 1000);
            placements.add(new Placement(onsets[i], templates.apply(tr.sound()), len, trialGain(rng),
                    tr.artifact()));
        }
        double[] mv = neuron.record(n, sf, placements, rng);

        List<AsariSegment> list = file.stimulusList();
        Struct stimulus = Mat5.newStruct(1, list.size());
        for (int k = 0; k < list.size(); k++) {
            stimulus.set("file", k, text(list.get(k).file()));
            stimulus.set("ramp", k, scalar(SEGMENT_RAMP_MS));
        }
        Struct recording = Mat5.newStruct()
                .set("site", text(cell.site()))
                .set("type", text(cell.recordingType()))
                .set("depth", scalar(cell.depthUm()));
        Struct id = Mat5.newStruct()
                .set("description", text("natural sequences class" + cell.classN()))
                .set("animal", text(cell.animal()));
        Struct param = Mat5.newStruct()
                .set("stimulus", stimulus)
                .set("recording", recording)
                .set("ID", id);
        Struct response = Mat5.newStruct()
                .set("trace", int16Column(SyntheticNeuron.toCounts(mv, cell.scale())))
                .set("scale", scalar(cell.scale()))
                .set("sf", scalar(sf));
        Struct trig = Mat5.newStruct(1, triggers.size());
        for (int i = 0; i < triggers.size(); i++) {
            Trigger tr = triggers.get(i);
            // a fractional time (as some release files have) is truncated by the loader: same onset
            double time = onsets[i] + 1 + (tr.fractionalTime() ? 0.6 : 0);
            trig.set("type", i, text(tr.type()));
            trig.set("time", i, scalar(time));
            trig.set("param", i, triggerParam(tr));
        }
        return DemoMatWriter.newFile()
                .addArray("param", file.compressed(), param)
                .addArray("response", file.compressed(), response)
                .addArray("triggers", file.compressed(), trig);
    }
}
