package org.ac1explorer.ui.presentation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.Node;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.plots.PlotsPane;

/**
 * Help ▸ Guided tour: steps through one Wehr cell and one Asari cell (selecting them), explaining
 * in a callout what each panel shows — spectrogram, playback, Vm repeats, the MedGauss baseline,
 * the gating verdicts with their scores, the binned response, spikes and PSTH, the knobs. The
 * texts quote the current knob values and the selection's verdict counts. Next/Back/Close and
 * → / ← / Esc (keys routed by the window). Leaving restores the user's selection and trace mode.
 */
public final class GuidedTour {
    /**
     * The panels a stop can point at; {@code reveal} brings a panel's tab to the front (the knobs
     * and the model share a column).
     */
    public record Targets(Node browser, Node playbackBar, PlotsPane plots, Node knobs, Node model,
                          java.util.function.Consumer<Node> reveal) {
    }

    /** One stop: which cell kind it shows (null: keep), what it points at, and its text. */
    record Stop(Supplier<String> title, Kind kind, Supplier<Node> target, Boolean raw, Supplier<String> text) {
    }

    enum Kind { WEHR, ASARI }

    private final ExplorerModel model;
    private final Targets targets;
    private final TourOverlay overlay;
    private final List<Stop> stops = new ArrayList<>();
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open", false);
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private Selection wehr;
    private Selection asari;
    private Selection before;
    private boolean rawBefore;

    public GuidedTour(ExplorerModel model, Targets targets) {
        this.model = model;
        this.targets = targets;
        this.overlay = new TourOverlay(this::back, this::next, this::close);
        buildStops();
        model.selectionDataProperty().addListener((o, a, d) -> {
            if (open.get()) {
                refreshText();
            }
        });
        model.datasetProperty().addListener((o, a, d) -> close());
    }

    /** The layer drawn over the window (highlight and callout); put it on top of the window's content. */
    public TourOverlay overlay() {
        return overlay;
    }

    // --- cells ---

    /** A cell of {@code experimenter} (spiking preferred for Asari), on its stimulus with the most repeats. */
    static Selection pick(LoadedDataset d, String experimenter, boolean preferSpiking) {
        CellRecord best = null;
        for (CellRecord c : d.cells()) {
            if (!c.experimenter().equals(experimenter) || c.stimuli().isEmpty()) {
                continue;
            }
            if (best == null || (preferSpiking && c.isSpiking() && !best.isSpiking())) {
                best = c;
            }
        }
        if (best == null) {
            return null;
        }
        CellStimulus s = best.stimuli().get(0);
        for (CellStimulus x : best.stimuli()) {
            if (x.repeats().size() > s.repeats().size()) {
                s = x;
            }
        }
        return new Selection(best, s);
    }

    // --- navigation ---

    /** Starts at the first stop; false (and nothing shown) when no dataset is open. */
    public boolean start() {
        LoadedDataset d = model.dataset();
        if (d == null) {
            return false;
        }
        wehr = pick(d, "wehr", false);
        asari = pick(d, "asari", true);
        before = model.selection();
        rawBefore = targets.plots().traces().rawProperty().get();
        open.set(true);
        overlay.setVisible(true);
        go(0);
        return true;
    }

    public void next() {
        if (open.get()) {
            if (index.get() >= stops.size() - 1) {
                close();
            } else {
                go(index.get() + 1);
            }
        }
    }

    public void back() {
        if (open.get() && index.get() > 0) {
            go(index.get() - 1);
        }
    }

    /** Ends the tour, back to the selection and trace mode the user had. */
    public void close() {
        if (!open.get()) {
            return;
        }
        open.set(false);
        index.set(-1);
        overlay.setVisible(false);
        targets.plots().traces().rawProperty().set(rawBefore);
        if (before != null && model.dataset() != null) {
            model.select(before);
        }
    }

    private void go(int i) {
        Stop s = stops.get(i);
        index.set(i);
        Selection want = s.kind() == Kind.WEHR ? wehr : s.kind() == Kind.ASARI ? asari : null;
        if (want == null && s.kind() != null) {
            want = wehr != null ? wehr : asari;
        }
        if (want != null) {
            model.select(want);
        }
        if (s.raw() != null) {
            targets.plots().traces().rawProperty().set(s.raw());
        }
        Node target = s.target().get();
        targets.reveal().accept(target);
        overlay.show(s.title().get(), s.text().get(), (i + 1) + " / " + stops.size(), target, i > 0,
                i == stops.size() - 1);
    }

    private void refreshText() {
        int i = index.get();
        if (i >= 0) {
            overlay.setText(stops.get(i).text().get());
        }
    }

    // --- the stops ---

    private Params p() {
        return model.params();
    }

    private SelectionData data() {
        SelectionData d = model.selectionData();
        return d != null && d.selection().equals(model.selection()) ? d : null;
    }

    private String cellLine() {
        Selection s = model.selection();
        if (s == null) {
            return "";
        }
        CellRecord c = s.cell();
        return c.session() + " (" + (c.experimenter().equals("wehr") ? "Wehr" : "Asari") + ", " + c.site() + ", "
                + c.recordingType().replace('-', ' ') + "), stimulus “" + s.stimulus().info().description() + "”, "
                + s.stimulus().repeats().size() + " repeats.";
    }

    private String verdictCounts() {
        SelectionData d = data();
        if (d == null || d.verdicts() == null || d.verdicts().isEmpty()) {
            return "";
        }
        int[] n = new int[GateReason.values().length];
        d.verdicts().forEach(v -> n[v.reason().ordinal()]++);
        return " For this cell and sound: " + n[GateReason.KEPT.ordinal()] + " kept, " + n[GateReason.RANGE.ordinal()]
                + " range, " + n[GateReason.STEP.ordinal()] + " step, " + n[GateReason.XCORR.ordinal()] + " xcorr.";
    }

    private boolean asariSpiking() {
        return asari != null && asari.cell().isSpiking();
    }

    private void buildStops() {
        Supplier<Node> browser = targets::browser;
        Supplier<Node> spectrogram = () -> targets.plots().spectrogram();
        Supplier<Node> traces = () -> targets.plots().traces();
        Supplier<Node> response = () -> targets.plots().response();
        stops.add(new Stop(() -> "A Wehr cell", Kind.WEHR, browser, false, () -> "The browser lists the recorded cells by "
                + "experimenter and site. Wehr cells are whole-cell recordings of the membrane potential (Vm) in "
                + "auditory cortex (A1); Asari cells come from A1 (whole cell) or from the auditory thalamus (MGB, "
                + "cell attached: spikes). Each cell heard natural sounds several times: the repeats.\n\nSelected: "
                + cellLine() + "\n\n→ / ← or Next / Back move through the tour; Esc closes it."));
        stops.add(new Stop(() -> "The stimulus: spectrogram", Kind.WEHR, spectrogram, null, () -> "What the rat heard. Time "
                + "runs left to right in seconds, on one axis shared by all three plots (drag to zoom, F to fit). "
                + "The vertical axis is frequency on a log scale: " + p().binsPerOctave() + " bands per octave from "
                + Formats.kHz(p().fminHz()) + " to " + Formats.kHz(p().fmaxHz()) + " kHz, labelled in kHz. Colour is "
                + "the level in dB (scale at the right). One column per time bin of dt = " + Formats.num(p().dtMs(), 2)
                + " ms, computed as the reference loader does (Hamming-windowed DFT at each band centre)."));
        stops.add(new Stop(() -> "Hearing it", Kind.WEHR, targets::playbackBar, null, () -> "Space (or ▶ Play) plays the "
                + "sound; a red cursor moves across the three plots in step with it, so you can hear which sound "
                + "drives which response. Click a plot to play from there. Rats hear up to about 70 kHz: “Time "
                + "expansion” plays the sound k times slower, which divides every pitch by k — at 4×, 40 kHz is "
                + "heard as 10 kHz. The cursor always follows the stimulus's own time."));
        stops.add(new Stop(() -> "Repeats: membrane potential", Kind.WEHR, traces, false, () -> "One row per repeat: the "
                + "cell's membrane potential (Vm, mV) while this sound played, on the spectrogram's time axis (rows "
                + "are offset; the scale bar gives mV). Shown detrended — each repeat minus its slow baseline — "
                + "which is what the gating tests and the averaging use. Responses locked to the sound line up "
                + "across rows."));
        stops.add(new Stop(() -> "The MedGauss baseline", Kind.WEHR, traces, true, () -> "“Raw + baseline” shows each repeat "
                + "as recorded with its MedGauss baseline (the line drawn over it, see the legend): a running "
                + "median over " + Formats.num(p().detrendMedMs(), 2) + " ms, then a Gaussian smoothing of σ = "
                + Formats.num(p().detrendGaussMs(), 2) + " ms. The median ignores fast events (spikes, synaptic "
                + "potentials); the Gaussian smooths its steps. Subtracting it removes slow drifts that differ "
                + "from repeat to repeat. Both windows are knobs."));
        stops.add(new Stop(() -> "Gating verdicts and their scores", Kind.WEHR, traces, false, () -> "Each repeat gets a "
                + "verdict, written at the right of its row with the score that decided it; the colour is the "
                + "verdict (legend above). Tests run on the detrended repeats in order, the first failure wins: "
                + "range — max |Vm| above " + Formats.num(p().absMvMax(), 2) + " mV; step — after a 5 ms running "
                + "median, more than " + Formats.num(100 * p().maxStepFrac(), 3) + " % of the samples lie further "
                + "than " + Formats.num(p().stepMv(), 2) + " mV from the trace's median level (jumps); xcorr — "
                + "correlation r with the median of the other repeats below " + Formats.num(p().minXcorr(), 3)
                + " (with 3 repeats or more)." + verdictCounts()
                + " The status bar counts the verdicts over the whole dataset."));
        stops.add(new Stop(() -> "Binned response", Kind.WEHR, response, null, () -> "The kept repeats averaged in time bins of "
                + "dt = " + Formats.num(p().dtMs(), 2) + " ms: mean ± s.e.m. across repeats, on the same time axis. "
                + "These binned responses, with the spectrogram, are what File ▸ Export writes for model training — "
                + "the same numbers as the reference Python loader."));
        stops.add(new Stop(() -> "An Asari cell", Kind.ASARI, browser, false, () -> "Now a cell from the Asari recordings: "
                + cellLine() + (asariSpiking() ? " A cell-attached recording: it shows the cell's spikes rather than "
                + "its membrane potential." : " A whole-cell recording, like the Wehr cell.")));
        stops.add(new Stop(() -> "Asari stimuli", Kind.ASARI, spectrogram, null, () -> "Asari stimuli are sequences spliced "
                + "from natural-sound segments (the title lists the segments). They are sampled fast enough to carry "
                + "ultrasound — the top bands, above 20 kHz — which rats hear and we do not: play them with 4× or 8× "
                + "time expansion to bring it down into human hearing."));
        stops.add(new Stop(() -> asariSpiking() ? "Spikes" : "Repeats", Kind.ASARI, traces, false, () -> asariSpiking()
                ? "Cell-attached repeats: the fast deflections are action potentials. Spikes are detected on the "
                + "detrended trace (threshold 2.5 × its standard deviation after removing a " + Formats.num(p().spikeClipMs(), 2)
                + " ms running median, the “High-pass median” knob) and "
                + "marked by ticks above each row. The same gating verdicts apply." + verdictCounts()
                : "Whole-cell repeats with their gating verdicts, as for the Wehr cell." + verdictCounts()));
        stops.add(new Stop(() -> asariSpiking() ? "PSTH" : "Binned response", Kind.ASARI, response, null, () -> asariSpiking()
                ? "For a spiking cell the response is a PSTH: each kept repeat's spike train smoothed by a 21 ms Hann "
                + "window, averaged in dt = " + Formats.num(p().dtMs(), 2) + " ms bins across repeats (arbitrary "
                + "units; mean ± s.e.m.)."
                : "The kept repeats averaged in dt = " + Formats.num(p().dtMs(), 2) + " ms bins (mean ± s.e.m.)."));
        stops.add(new Stop(() -> "The knobs", null, targets::knobs, null, () -> "Every number in the plots depends on these "
                + "knobs; each shows its unit and the reference default. Change one and the spectrogram, verdicts, "
                + "binned response and the dataset-wide counters follow; an invalid value is marked at the knob and "
                + "nothing is recomputed."));
        stops.add(new Stop(() -> "A model of the cell", null, targets::model, null, () -> "The Model tab fits a linear "
                + "spectro-temporal receptive field (STRF) to the selected cell: its binned response predicted from "
                + "the last 100 ms of the spectrogram, by ridge regression. Red: energy at that frequency and delay "
                + "raises the response; blue lowers it. The held-out r says how well it predicts stimuli it was not "
                + "fitted on, next to the noise ceiling CC_max (the best any model could do given the repeats' "
                + "variability); its prediction is drawn over the binned response. That is the end of the tour: "
                + "Close (or Esc) returns to your selection."));
    }

    // --- state ---

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return open.get();
    }

    /** The stop shown (0-based), -1 when closed. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int stopCount() {
        return stops.size();
    }

    /** The title of stop {@code i}. */
    public String title(int i) {
        return stops.get(i).title().get();
    }
}
