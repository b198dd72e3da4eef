package org.ac1explorer.ui.knobs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.ac1explorer.dataset.Params;

/**
 * The parameter knobs (right side): time bin and spectrogram, detrend, gating and cohort, each
 * with unit, range and reference default, plus Reset. Every edit builds a candidate
 * {@link Params}; its {@code errors()} are shown at the knobs they name, and only a valid set is
 * passed on ({@code onValid}), so nothing is recomputed from invalid values.
 */
public final class KnobsPane extends ScrollPane {
    private final Map<String, Knob> knobs = new LinkedHashMap<>();
    private final Map<String, CheckBox> cohort = new LinkedHashMap<>();
    private final Label cohortError = new Label();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final Consumer<Params> onValid;
    private boolean bulk;

    public KnobsPane(Params initial, Consumer<Params> onValid) {
        this.onValid = onValid;
        getStyleClass().add("knobs-pane");
        getStylesheets().add(KnobsPane.class.getResource("knobs.css").toExternalForm());
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Params d = Params.defaults();
        VBox box = new VBox(4);
        box.getStyleClass().add("knobs");
        box.setPadding(new Insets(8, 10, 10, 10));

        box.getChildren().add(section("Time bin & spectrogram"));
        add(box, new KnobSpec("dt-ms", "Time bin (dt)", "ms", 0.5, 50, true, 0, 2, d.dtMs(),
                "Width of the response bins and the spectrogram hop."));
        add(box, new KnobSpec("fmin", "Lowest band", "Hz", 20, 5000, true, 0, 1, d.fminHz(),
                "Centre frequency of the lowest spectrogram band."));
        add(box, new KnobSpec("fmax", "Highest band", "Hz", 1000, 50000, true, 0, 0, d.fmaxHz(),
                "Upper limit for the band centres (bands are fmin·2^(k/bpo) up to fmax)."));
        add(box, new KnobSpec("bins-per-octave", "Bands per octave", "", 1, 24, false, 1, 0, d.binsPerOctave(),
                "Number of log-spaced spectrogram bands per octave (integer)."));
        Knob window = add(box, new KnobSpec("window-ms", "Window", "ms", 1, 200, true, 0, 2, Double.NaN,
                "Length of the Hamming window of the spectrogram; auto = 2 × dt (the reference default)."));
        window.enableAuto("auto", () -> {
            double dt = knobs.get("dt-ms").value();
            return Double.isNaN(dt) ? Double.NaN : 2 * dt;
        });

        box.getChildren().add(section("Detrend (MedGauss baseline)"));
        add(box, new KnobSpec("detrend-med-ms", "Running median", "ms", 0, 1000, false, 5, 1, d.detrendMedMs(),
                "Window of the running median of the baseline."));
        add(box, new KnobSpec("detrend-gauss-ms", "Gaussian σ", "ms", 0, 100, false, 1, 2, d.detrendGaussMs(),
                "Width (σ) of the Gaussian that smooths the running median."));

        box.getChildren().add(section("Gating (first failing test wins)"));
        add(box, new KnobSpec("abs-mv-max", "|Vm| max (range)", "mV", 0, 500, false, 5, 1, d.absMvMax(),
                "A repeat is rejected (range) when max |detrended Vm| exceeds this."));
        add(box, new KnobSpec("step-mv", "Step size", "mV", 0, 200, false, 1, 1, d.stepMv(),
                "Distance from the smoothed trace's median that counts as a step sample."));
        add(box, new KnobSpec("max-step-frac", "Max step samples", "%", 0, 10, false, 0.1, 3, d.maxStepFrac() * 100,
                "A repeat is rejected (step) when more than this share of its samples are step samples."));
        add(box, new KnobSpec("min-xcorr", "Min correlation r", "", -1, 1, false, 0.01, 3, d.minXcorr(),
                "A repeat is rejected (xcorr) when its Pearson r with the median of the other repeats is below this "
                        + "(needs 3 repeats; 0 or less turns the test off)."));

        box.getChildren().add(section("Spikes (cell-attached cells)"));
        add(box, new KnobSpec("spike-clip-ms", "High-pass median", "ms", 0.1, 100, true, 0, 2, d.spikeClipMs(),
                "10 ms: the paper's value; 1 ms reproduces the legacy pipeline. Running median subtracted "
                        + "before the 2.5 σ spike threshold."));

        box.getChildren().add(section("Cohort (counters & export)"));
        FlowPane flags = new FlowPane(10, 4);
        for (String e : Params.ALL_EXPERIMENTERS) {
            flags.getChildren().add(flag(e, e.substring(0, 1).toUpperCase() + e.substring(1)));
        }
        for (String s : Params.ALL_SITES) {
            flags.getChildren().add(flag(s, s));
        }
        cohortError.getStyleClass().add("knob-error");
        cohortError.setWrapText(true);
        cohortError.setVisible(false);
        cohortError.setManaged(false);
        box.getChildren().addAll(flags, cohortError);

        Button reset = new Button("Reset to defaults");
        reset.setId("reset-knobs");
        reset.setMaxWidth(Double.MAX_VALUE);
        reset.setTooltip(new Tooltip("The reference loader's defaults (deepSTRF CRCNSAC1Dataset)"));
        reset.setOnAction(e -> show(Params.defaults()));
        VBox.setMargin(reset, new Insets(12, 0, 0, 0));
        box.getChildren().add(reset);

        knobs.get("dt-ms").valueProperty().addListener((o, a, b) -> window.refreshAuto());
        knobs.values().forEach(k -> {
            k.valueProperty().addListener((o, a, b) -> changed());
            k.autoProperty().addListener((o, a, b) -> changed());
        });
        setContent(box);
        show(initial);
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("knob-section");
        return l;
    }

    private Knob add(VBox box, KnobSpec spec) {
        Knob k = new Knob(spec);
        knobs.put(spec.param(), k);
        box.getChildren().add(k);
        return k;
    }

    private Node flag(String value, String label) {
        CheckBox c = new CheckBox(label);
        c.setId("cohort-" + value);
        cohort.put(value, c);
        c.selectedProperty().addListener((o, a, b) -> changed());
        return c;
    }

    /** Shows {@code p} in the knobs (and passes it on once when valid). */
    public void show(Params p) {
        bulk = true;
        try {
            knobs.get("dt-ms").setValue(p.dtMs());
            knobs.get("fmin").setValue(p.fminHz());
            knobs.get("fmax").setValue(p.fmaxHz());
            knobs.get("bins-per-octave").setValue(p.binsPerOctave());
            if (p.windowMs() == null) {
                knobs.get("window-ms").autoProperty().set(true);
            } else {
                knobs.get("window-ms").setValue(p.windowMs());
            }
            knobs.get("detrend-med-ms").setValue(p.detrendMedMs());
            knobs.get("detrend-gauss-ms").setValue(p.detrendGaussMs());
            knobs.get("abs-mv-max").setValue(p.absMvMax());
            knobs.get("step-mv").setValue(p.stepMv());
            knobs.get("max-step-frac").setValue(p.maxStepFrac() * 100);
            knobs.get("min-xcorr").setValue(p.minXcorr());
            knobs.get("spike-clip-ms").setValue(p.spikeClipMs());
            cohort.forEach((k, c) -> c.setSelected(p.experimenters().contains(k) || p.sites().contains(k)));
        } finally {
            bulk = false;
        }
        changed();
    }

    private void changed() {
        if (bulk) {
            return;
        }
        List<String> notNumbers = new ArrayList<>();
        knobs.forEach((name, k) -> {
            if (Double.isNaN(k.value()) && !k.autoProperty().get()) {
                notNumbers.add(name);
            }
        });
        knobs.forEach((name, k) -> {
            if (!notNumbers.contains(name)) {
                k.setError(null);
            }
        });
        cohortError.setVisible(false);
        cohortError.setManaged(false);
        if (!notNumbers.isEmpty()) {
            summary.set("Fix " + notNumbers.size() + " knob(s): nothing is recomputed until they are valid");
            return;
        }
        Params p = candidate();
        List<Params.ParamError> errors = p.errors();
        for (Params.ParamError e : errors) {
            Knob k = knobs.get(e.name());
            if (k != null) {
                k.setError(e.message());
            } else {
                cohortError.setText(e.message());
                cohortError.setVisible(true);
                cohortError.setManaged(true);
            }
        }
        if (errors.isEmpty()) {
            summary.set("");
            onValid.accept(p);
        } else {
            summary.set("Invalid knob(s): " + errors.get(0) + " — nothing is recomputed until fixed");
        }
    }

    private Params candidate() {
        double bpo = knobs.get("bins-per-octave").value();
        Knob w = knobs.get("window-ms");
        List<String> ex = new ArrayList<>();
        for (String e : Params.ALL_EXPERIMENTERS) {
            if (cohort.get(e).isSelected()) {
                ex.add(e);
            }
        }
        List<String> sites = new ArrayList<>();
        for (String s : Params.ALL_SITES) {
            if (cohort.get(s).isSelected()) {
                sites.add(s);
            }
        }
        int bins = bpo == Math.rint(bpo) && Math.abs(bpo) < 1e6 ? (int) bpo : -1;
        return new Params(knobs.get("dt-ms").value(), knobs.get("fmin").value(), knobs.get("fmax").value(), bins,
                w.autoProperty().get() ? null : w.value(), knobs.get("detrend-med-ms").value(),
                knobs.get("detrend-gauss-ms").value(), knobs.get("abs-mv-max").value(), knobs.get("step-mv").value(),
                knobs.get("max-step-frac").value() / 100.0, knobs.get("min-xcorr").value(),
                knobs.get("spike-clip-ms").value(), ex, sites);
    }

    /** The knob for a parameter name as {@code Params.errors()} spells it ("dt-ms", "abs-mv-max", ...). */
    public Knob knob(String param) {
        return knobs.get(param);
    }

    /** Empty when the knobs are valid, else a one-line explanation. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
