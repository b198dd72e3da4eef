package org.ac1explorer.ui.knobs;

import java.util.function.DoubleSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.Tooltips;

/**
 * One parameter control: a label with the unit, a slider over a sensible range, a text field for
 * the exact value (↑/↓ nudge it), the reference default, and an error line under it when the value
 * is invalid. {@link #valueProperty()} is NaN while the text is not a number. An optional "auto"
 * box hands the value to a rule (the window's 2·dt).
 */
public final class Knob extends VBox {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private final KnobSpec spec;
    private final Slider slider = new Slider(0, 1, 0);
    private final TextField field = new TextField();
    private final Label error = new Label();
    private final ReadOnlyDoubleWrapper value = new ReadOnlyDoubleWrapper(this, "value", Double.NaN);
    private final BooleanProperty auto = new SimpleBooleanProperty(this, "auto", false);
    private DoubleSupplier autoRule;
    private boolean syncing;

    public Knob(KnobSpec spec) {
        this.spec = spec;
        getStyleClass().add("knob");
        setId("knob-" + spec.param());
        Label title = new Label(spec.title());
        title.getStyleClass().add("knob-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label unit = new Label(spec.unit());
        unit.getStyleClass().add("knob-unit");
        unit.setMinWidth(26);
        field.getStyleClass().add("knob-field");
        field.setPrefColumnCount(6);
        field.setAlignment(Pos.CENTER_RIGHT);
        field.setId("field-" + spec.param());
        String help = spec.help() + "\nReference default: " + defaultText() + "\n↑/↓ in the field nudge the value.";
        Tooltips.install(field, help);
        Tooltips.install(title, help);

        HBox head = new HBox(6, title, new javafx.scene.layout.Region(), field, unit);
        HBox.setHgrow(head.getChildren().get(1), Priority.ALWAYS);
        head.setAlignment(Pos.CENTER_LEFT);

        slider.getStyleClass().add("knob-slider");
        slider.setFocusTraversable(false);
        Label def = new Label("default " + defaultText());
        def.getStyleClass().add("knob-default");
        def.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        def.setOnMouseClicked(e -> setValue(spec.defaultValue()));
        Tooltips.install(def, "Click to use the reference default");
        HBox sliderRow = new HBox(6, slider, def);
        HBox.setHgrow(slider, Priority.ALWAYS);
        sliderRow.setAlignment(Pos.CENTER_LEFT);

        error.getStyleClass().add("knob-error");
        error.setWrapText(true);
        error.setVisible(false);
        error.setManaged(false);

        getChildren().addAll(head, sliderRow, error);

        field.textProperty().addListener((o, a, b) -> {
            if (!syncing) {
                parseText();
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN) {
                nudge(e.getCode() == KeyCode.UP ? 1 : -1);
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, a, focused) -> {
            if (!focused && !Double.isNaN(value.get())) {
                showValue(value.get());
            }
        });
        slider.valueProperty().addListener((o, a, b) -> {
            if (!syncing && !auto.get()) {
                setValue(spec.valueAt(b.doubleValue()));
            }
        });
        auto.addListener((o, a, b) -> applyAuto());
    }

    /** Adds an "auto" check box (e.g. window = 2·dt) computing the shown value by {@code rule}. */
    public CheckBox enableAuto(String label, DoubleSupplier rule) {
        this.autoRule = rule;
        CheckBox box = new CheckBox(label);
        box.getStyleClass().add("knob-auto");
        box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setId("auto-" + spec.param());
        box.selectedProperty().bindBidirectional(auto);
        ((HBox) getChildren().get(1)).getChildren().add(1, box);
        return box;
    }

    public BooleanProperty autoProperty() {
        return auto;
    }

    /** Refreshes the shown value of an auto knob (its rule's inputs changed). */
    public void refreshAuto() {
        if (auto.get() && autoRule != null) {
            double v = autoRule.getAsDouble();
            syncing = true;
            try {
                field.setText(Double.isNaN(v) ? "" : Formats.num(v, spec.decimals()).replace('−', '-'));
                slider.setValue(spec.position(v));
            } finally {
                syncing = false;
            }
        }
    }

    private void applyAuto() {
        boolean a = auto.get();
        field.setDisable(a);
        slider.setDisable(a);
        if (a) {
            setError(null);
            refreshAuto();
            value.set(Double.NaN);
        } else {
            parseText();
        }
    }

    private String defaultText() {
        if (Double.isNaN(spec.defaultValue())) {
            return "2·dt";
        }
        return Formats.num(spec.defaultValue(), spec.decimals()) + (spec.unit().isEmpty() ? "" : " " + spec.unit());
    }

    private void parseText() {
        if (auto.get()) {
            return;
        }
        try {
            double v = Formats.parse(field.getText());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            syncing = true;
            try {
                slider.setValue(spec.position(v));
            } finally {
                syncing = false;
            }
            setError(null);
            value.set(v);
        } catch (NumberFormatException e) {
            value.set(Double.NaN);
            setError(field.getText().isBlank() ? "enter a value" : "not a number: \"" + field.getText().trim() + "\"");
        }
    }

    private void nudge(int dir) {
        double v = value.get();
        if (Double.isNaN(v) || auto.get()) {
            return;
        }
        double next;
        if (spec.log()) {
            next = v * Math.pow(2, dir / 8.0);
            next = spec.valueAt(spec.position(next));
            if (next == v) {
                next = v * (dir > 0 ? 1.1 : 0.9);
            }
        } else {
            double s = spec.step() > 0 ? spec.step() : (spec.max() - spec.min()) / 100;
            next = Math.round((v + dir * s) / s) * s;
        }
        setValue(next);
    }

    /** Sets the value (display units), updating text and slider. */
    public void setValue(double v) {
        if (auto.get()) {
            auto.set(false);
        }
        showValue(v);
        parseText();
    }

    private void showValue(double v) {
        syncing = true;
        try {
            field.setText(Formats.num(v, spec.decimals()).replace('−', '-'));
            slider.setValue(spec.position(v));
        } finally {
            syncing = false;
        }
    }

    /** The typed value in display units, NaN while it is not a number (or auto). */
    public ReadOnlyDoubleProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public double value() {
        return value.get();
    }

    /** Marks the knob invalid with {@code message}, or clears the mark when null. */
    public void setError(String message) {
        boolean bad = message != null;
        error.setText(bad ? message : "");
        error.setVisible(bad);
        error.setManaged(bad);
        field.pseudoClassStateChanged(INVALID, bad);
        pseudoClassStateChanged(INVALID, bad);
    }

    public String errorText() {
        return error.isVisible() ? error.getText() : null;
    }

    public KnobSpec spec() {
        return spec;
    }

    public TextField field() {
        return field;
    }

    public Slider slider() {
        return slider;
    }
}
