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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The parameter knobs (right side): time bin and spectrogram, detrend, gating and cohort, each
 * with unit, range and reference default, plus Reset. Every edit builds a candidate
 * {@link Params}; its {@code errors()} are shown at the knobs they name, and only a valid set is
 * passed on ({@code onValid}), so nothing is recomputed from invalid values.
 */
public final class KnobsPane extends ScrollPane {
    private final Map<String, Knob> knobs = new LinkedHashMap<>();
    private final Map<String, KnobParam> params = new LinkedHashMap<>();
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

        VBox box = new VBox(4);
        box.getStyleClass().add("knobs");
        box.setPadding(new Insets(8, 10, 10, 10));

        for (KnobParam kp : KnobParam.ALL) {
            if (kp.section() != null) {
                box.getChildren().add(section(kp.section()));
            }
            Knob k = new Knob(kp.spec());
            knobs.put(kp.spec().param(), k);
            params.put(kp.spec().param(), kp);
            box.getChildren().add(k);
        }
        Knob window = knobs.get("window-ms");
        window.enableAuto("auto", () -> {
            double dt = knobs.get("dt-ms").value();
            // no derived value from an invalid time bin (it would show e.g. −10 ms)
            return dt > 0 && dt <= Params.MAX_DT_MS ? 2 * dt : Double.NaN;
        });

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
        Tooltips.install(reset, "The reference loader's defaults (deepSTRF CRCNSAC1Dataset)");
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
            params.forEach((name, kp) -> {
                Knob k = knobs.get(name);
                double v = kp.read().applyAsDouble(p);
                if (Double.isNaN(v) && kp.autoWhenNaN()) {
                    k.autoProperty().set(true);
                } else {
                    k.setValue(v);
                }
            });
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
        // a knob that holds no number keeps its own message; the others are still checked
        List<Params.ParamError> errors = candidate(notNumbers).errors();
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
        int bad = notNumbers.size() + errors.size();
        if (bad == 0) {
            summary.set("");
            onValid.accept(candidate(List.of()));
        } else {
            String first = !notNumbers.isEmpty() ? knobs.get(notNumbers.get(0)).spec().title() + ": "
                    + knobs.get(notNumbers.get(0)).errorText() : errors.get(0).toString();
            summary.set(bad == 1 ? "Invalid knob: " + first + " — nothing is recomputed until it is fixed"
                    : "Fix " + bad + " knobs (first: " + first + ") — nothing is recomputed until they are valid");
        }
    }

    /** The parameters the knobs show; knobs named in {@code skip} keep the default value. */
    private Params candidate(List<String> skip) {
        Params p = Params.defaults();
        for (KnobParam kp : params.values()) {
            Knob k = knobs.get(kp.spec().param());
            if (!skip.contains(kp.spec().param())) {
                p = kp.write().apply(p, k.autoProperty().get() ? Double.NaN : k.value());
            }
        }
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
        return p.withExperimenters(ex).withSites(sites);
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
