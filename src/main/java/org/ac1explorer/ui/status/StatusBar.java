package org.ac1explorer.ui.status;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.ui.common.VerdictStyle;
import org.ac1explorer.explore.DatasetCounts;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The bottom line: what is going on (with a progress bar and Cancel while a job runs) on the
 * left, the dataset-wide gating counters at the current knobs on the right.
 */
public final class StatusBar extends HBox {
    private final Label message = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final HBox counters = new HBox(10);
    private final Label[] counterLabels = new Label[GateReason.values().length];
    private final Label countsNote = new Label();

    public StatusBar(StatusModel status, ExplorerModel model, ObservableBooleanValue counting) {
        getStyleClass().add("status-bar");
        getStylesheets().add(StatusBar.class.getResource("status.css").toExternalForm());
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);

        message.getStyleClass().add("status-message");
        message.textProperty().bind(status.messageProperty());
        message.setMinWidth(120);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        status.errorProperty().addListener((o, a, b) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), b));

        bar.setPrefWidth(180);
        bar.progressProperty().bind(Bindings.when(status.progressProperty().lessThan(0)).then(-1.0)
                .otherwise(status.progressProperty()));
        bar.visibleProperty().bind(status.progressShownProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        cancel.setId("cancel-job");
        cancel.visibleProperty().bind(status.progressShownProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> status.cancel());
        cancel.setCancelButton(false);

        for (GateReason r : GateReason.values()) {
            Circle dot = new Circle(5, VerdictStyle.color(r));
            Label l = new Label("", dot);
            l.getStyleClass().add("counter");
            l.setId("counter-" + VerdictStyle.label(r));
            Tooltips.install(l, VerdictStyle.meaning(r) + "\n(all repeats of the cohort at the current knobs)");
            counterLabels[r.ordinal()] = l;
            counters.getChildren().add(l);
        }
        counters.setAlignment(Pos.CENTER_RIGHT);
        // the counters keep their width: a long message is cut (full text in its tooltip) instead
        counters.setMinWidth(Region.USE_PREF_SIZE);
        message.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        Tooltips.install(message, message::getText);
        countsNote.getStyleClass().add("counts-note");
        counters.getChildren().add(countsNote);

        Region gap = new Region();
        gap.setMinWidth(12);
        getChildren().addAll(message, bar, cancel, gap, counters);

        Runnable refresh = () -> show(model.counts(), counting.get(), model.dataset() != null);
        model.countsProperty().addListener((o, a, b) -> refresh.run());
        model.datasetProperty().addListener((o, a, b) -> refresh.run());
        counting.addListener((o, a, b) -> refresh.run());
        refresh.run();
    }

    private void show(DatasetCounts c, boolean counting, boolean haveDataset) {
        counters.setVisible(haveDataset);
        for (GateReason r : GateReason.values()) {
            long n = c == null ? -1 : switch (r) {
                case KEPT -> c.rejections().kept();
                case RANGE -> c.rejections().range();
                case STEP -> c.rejections().step();
                case XCORR -> c.rejections().xcorr();
            };
            counterLabels[r.ordinal()].setText(VerdictStyle.label(r) + " " + (n < 0 ? "…" : Long.toString(n)));
            counterLabels[r.ordinal()].setOpacity(counting ? 0.55 : 1.0);
        }
        countsNote.setText(counting ? "counting…" : c == null ? "" : c.neurons() + " cells × " + c.stimuli() + " stimuli");
    }

    /** The counters as displayed ("kept 37"), for tests. */
    /** Shows the curation's counts ("✎ 3 overrides · 1 excluded") beside the counters while there are any. */
    public void showCuration(javafx.beans.value.ObservableStringValue summary) {
        Label hand = new Label();
        hand.setId("curation-counter");
        hand.getStyleClass().add("counter");
        hand.textProperty().bind(Bindings.concat("✎ ", summary));
        hand.visibleProperty().bind(Bindings.isNotEmpty(summary));
        hand.managedProperty().bind(hand.visibleProperty());
        Tooltips.install(hand, "Hand decisions of the open curation file (Curation ▸ All hand decisions…)");
        counters.getChildren().add(0, hand);
    }

    public String counterText(GateReason r) {
        return counterLabels[r.ordinal()].getText();
    }
}
