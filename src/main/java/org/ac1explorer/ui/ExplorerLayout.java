package org.ac1explorer.ui;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The window's arrangement: browser / cells table and problems on the left, playback bar and the
 * three plots in the centre, knobs / model on the right, the status bar below (menus are set by
 * the caller). Pixel widths are the columns' minimum and preferred sizes.
 */
final class ExplorerLayout {
    private final TabPane leftTabs;
    private final TabPane rightTabs;
    private final VBox left;
    private final VBox knobsColumn;
    private final SplitPane columns;
    private final BorderPane root;
    private final double[] normalDividers = new double[2];

    ExplorerLayout(ExplorerViews v) {
        leftTabs = tabs("left-tabs", new Tab("Browser", v.browser()), new Tab("Cells", v.cellsTable()));
        leftTabs.getTabs().get(1).setTooltip(new Tooltip(
                "All cells in a sortable table: noise ceiling CC_max, kept repeats, published Wehr subset and split"));
        left = new VBox(leftTabs, v.problems());
        VBox.setVgrow(leftTabs, Priority.ALWAYS);
        left.setMinWidth(220);
        left.getStyleClass().add("left-column");

        Label knobsInvalid = new Label();
        knobsInvalid.getStyleClass().add("knobs-invalid");
        knobsInvalid.setWrapText(true);
        knobsInvalid.textProperty().bind(v.knobs().summaryProperty());
        knobsInvalid.visibleProperty().bind(v.knobs().summaryProperty().isNotEmpty());
        knobsInvalid.managedProperty().bind(knobsInvalid.visibleProperty());
        Label knobsTitle = new Label("Knobs");
        knobsTitle.getStyleClass().add("column-title");
        knobsColumn = new VBox(knobsTitle, knobsInvalid, v.knobs());
        VBox.setVgrow(v.knobs(), Priority.ALWAYS);
        knobsColumn.setMinWidth(268);
        knobsColumn.setPrefWidth(290);
        knobsColumn.getStyleClass().add("right-column");

        rightTabs = tabs("right-tabs", new Tab("Knobs", knobsColumn), new Tab("Model", v.strfPane()));
        rightTabs.getTabs().get(1).setTooltip(new Tooltip(
                "Linear STRF of the selected cell (ridge regression) and its held-out prediction"));
        rightTabs.setMinWidth(268);
        rightTabs.setPrefWidth(330);

        VBox centre = new VBox(v.playbackBar(), v.plots());
        VBox.setVgrow(v.plots(), Priority.ALWAYS);
        columns = new SplitPane(left, centre, rightTabs);
        columns.setOrientation(Orientation.HORIZONTAL);
        columns.setDividerPositions(0.19, 0.78);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(rightTabs, false);

        root = new BorderPane(columns);
        root.setBottom(v.statusBar());
        root.getStyleClass().add("explorer");
    }

    /** Widens the side columns for presentation mode's larger text (the plots keep the rest), and back. */
    void followPresentation(ObservableBooleanValue presentation) {
        presentation.addListener((o, was, on) -> {
            double total = columns.getWidth();
            if (on && total > 0) {
                double[] d = columns.getDividerPositions();
                normalDividers[0] = d[0];
                normalDividers[1] = d[1];
                double l = Math.min(0.24, 1.15 * left.getWidth() / total);
                double r = Math.min(0.26, 1.15 * rightTabs.getWidth() / total);
                columns.setDividerPositions(l, 1 - r);
            } else if (!on && normalDividers[1] > 0) {
                columns.setDividerPositions(normalDividers[0], normalDividers[1]);
            }
        });
    }

    private static TabPane tabs(String id, Tab... tabs) {
        TabPane t = new TabPane(tabs);
        t.setId(id);
        t.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        t.getStyleClass().add("column-tabs");
        return t;
    }

    BorderPane root() {
        return root;
    }

    TabPane leftTabs() {
        return leftTabs;
    }

    TabPane rightTabs() {
        return rightTabs;
    }

    /** The knobs column (the guided tour frames it). */
    Node knobsColumn() {
        return knobsColumn;
    }
}
