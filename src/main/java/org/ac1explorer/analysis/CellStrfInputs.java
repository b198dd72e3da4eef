package org.ac1explorer.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.MatReadException;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.RawRepeats;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RepeatAnalysis;
import org.ac1explorer.dataset.ResponseBinning;
import org.ac1explorer.dataset.StimulusEntry;
import org.ac1explorer.dsp.LogBands;
import org.ac1explorer.dsp.LogSpectrogramPlan;
import org.ac1explorer.dsp.RepeatVerdict;

/**
 * Gathers what the STRF fit of one cell needs: for each of its stimuli (in the cell's order), the
 * spectrogram and the kept repeats binned at dt, processed exactly as the export does.
 */
public final class CellStrfInputs {

    private static final System.Logger LOG = System.getLogger(CellStrfInputs.class.getName());
    private CellStrfInputs() {
    }

    /**
     * From the archive, for one cell only: each stimulus' T is min(round(duration/dt) when
     * positive, spectrogram frames, shortest kept repeat), the export's rule restricted to this
     * cell (the export also bounds T by the other cells that heard the stimulus, so a stimulus
     * can be a few bins longer here). Stimuli without kept repeats or with an unreadable waveform
     * are left out; the others keep their position in the cell's order.
     */
    public static StrfInput load(Ac1Archive archive, CellRecord cell, Params p, ProgressMonitor m) {
        p.validate();
        m.progress(0, cell.stimuli().size() + 1L, "STRF: reading the repeats of " + cell.session());
        Map<StimulusKey, RawRepeats> raw = archive.readRepeats(cell);
        Map<Double, LogSpectrogramPlan> plans = new HashMap<>();
        List<StrfInput.Stimulus> out = new ArrayList<>();
        List<CellStimulus> stimuli = cell.stimuli();
        for (int i = 0; i < stimuli.size(); i++) {
            m.checkCancelled();
            m.progress(i + 1, stimuli.size() + 1L, "STRF: preparing stimulus " + (i + 1) + " of " + stimuli.size());
            CellStimulus st = stimuli.get(i);
            RawRepeats reps = raw.get(st.key());
            if (reps == null) {
                continue;
            }
            RepeatAnalysis a = RepeatAnalysis.of(reps, p.detrendMedMs(), p.detrendGaussMs());
            List<RepeatVerdict> verdicts = a.verdicts(p.gating());
            float[][] binned = ResponseBinning.binKept(a, verdicts, cell.isSpiking(), p);
            if (binned.length == 0 || binned[0].length == 0) {
                continue;
            }
            Waveform w;
            try {
                w = archive.waveform(st.info());
            } catch (MatReadException e) {
                LOG.log(System.Logger.Level.WARNING, "STRF of " + cell.session() + " leaves out stimulus "
                        + st.info().description() + ": " + e.getMessage());
                continue;
            }
            float[][] spec = plans.computeIfAbsent(w.sampleRateHz(), sf -> LogSpectrogramPlan.of(sf, p.dtMs(),
                    p.effectiveWindowMs(), p.fminHz(), p.fmaxHz(), p.binsPerOctave())).compute(w.samples()).db();
            // the waveform is cached by the archive: the duration rule reads it again for free
            int t = DatasetAssembler.canonicalT(DatasetAssembler.durationForT(st, archive), p.dtMs(), spec.length == 0 ? 0 : spec[0].length, binned[0].length);
            if (t < 1) {
                continue;
            }
            out.add(new StrfInput.Stimulus(st.info().description(), i, DatasetAssembler.cutColumns(spec, t), DatasetAssembler.cutColumns(binned, t)));
        }
        return new StrfInput(cell.session(), p.dtMs(), LogBands.centresHz(p.fminHz(), p.fmaxHz(), p.binsPerOctave()), out);
    }

    /**
     * From an assembled dataset (spectrogram mode): neuron {@code n}'s stimuli (those it heard), in
     * the cell's order.
     */
    public static StrfInput of(AssembledDataset d, int n) {
        CellRecord cell = d.neurons().get(n);
        Map<StimulusKey, Integer> order = new HashMap<>();
        for (int i = 0; i < cell.stimuli().size(); i++) {
            order.putIfAbsent(cell.stimuli().get(i).key(), i);
        }
        List<StrfInput.Stimulus> out = new ArrayList<>();
        for (int s = 0; s < d.stimulusCount(); s++) {
            float[][] r = d.response(s, n);
            StimulusEntry e = d.stimuli().get(s);
            Integer ord = order.get(e.info().key());
            // a waveform-mode grid has no spectrograms: nothing to regress on
            if (r != null && r.length > 0 && ord != null && e.spectrogramDb().length > 0 && e.frames() > 0) {
                out.add(new StrfInput.Stimulus(cell.stimuli().get(ord).info().description(), ord, e.spectrogramDb(), r));
            }
        }
        out.sort(java.util.Comparator.comparingInt(StrfInput.Stimulus::order));
        return new StrfInput(cell.session(), d.params().dtMs(), d.freqsHz(), out);
    }
}
