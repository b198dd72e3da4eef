package org.ac1explorer.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's arrangement: browser / cells table and problems on the left, playback bar and the
 * three plots in the centre, knobs / model on the right, the status bar below (menus are set by
 * the caller). Pixel widths are the columns' minimum and preferred sizes.
 */
final class ExplorerLayout {
    private static final double LEFT_MIN = 220;
    private static final double RIGHT_MIN = 268;
    private final TabPane leftTabs;
    private final TabPane rightTabs;
    private final TabPane centreTabs;
    private final VBox left;
    private final VBox knobsColumn;
    private final SplitPane columns;
    private final BorderPane root;
    private final VBox centre;
    private final double[] normalDividers = {0.19, 0.78};
    private double problemsDivider = 0.65;
    private final BooleanProperty sidePanes = new SimpleBooleanProperty(this, "sidePanes", true);

    ExplorerLayout(ExplorerViews v) {
        leftTabs = tabs("left-tabs", new Tab("Browser", v.browser()), new Tab("Cells", v.cellsTable()));
        leftTabs.getTabs().get(1).setTooltip(new Tooltip(
                "All cells in a sortable table: noise ceiling CC_max, kept repeats, published Wehr subset and split"));
        // the problems list is as tall as the user drags it while expanded, a title bar when collapsed
        SplitPane leftSplit = new SplitPane(leftTabs, v.problems());
        leftSplit.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(v.problems(), false);
        v.problems().expandedProperty().addListener((o, a, open) -> {
            if (open) {
                leftSplit.setDividerPositions(problemsDivider);
            } else {
                problemsDivider = leftSplit.getDividerPositions()[0];
            }
        });
        v.problems().maxHeightProperty().bind(javafx.beans.binding.Bindings.when(v.problems().expandedProperty())
                .then(Double.MAX_VALUE).otherwise(Region.USE_PREF_SIZE));
        left = new VBox(leftSplit);
        VBox.setVgrow(leftSplit, Priority.ALWAYS);
        left.setMinWidth(LEFT_MIN);
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
        rightTabs.setMinWidth(RIGHT_MIN);
        rightTabs.setPrefWidth(330);

        Tab population = new Tab("Population");
        centreTabs = tabs("centre-tabs", new Tab("Cell", v.plots()), population);
        contentOnFirstSelection(population, v::population);
        centreTabs.getTabs().get(1).setTooltip(new Tooltip(
                "Every cell that heard the selected stimulus: binned mean responses under its spectrogram"));
        centre = new VBox(v.playbackBar(), centreTabs);
        VBox.setVgrow(centreTabs, Priority.ALWAYS);
        columns = new SplitPane(left, centre, rightTabs);
        columns.setOrientation(Orientation.HORIZONTAL);
        columns.setDividerPositions(0.19, 0.78);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(rightTabs, false);

        sidePanes.addListener((o, a, shown) -> showSidePanes(shown));
        root = new BorderPane(columns);
        root.setBottom(v.statusBar());
        root.getStyleClass().add("explorer");
    }

    /** Presentation mode gives the plots the whole width (side panes hidden); leaving it brings them back. */
    void followPresentation(ObservableBooleanValue presentation) {
        presentation.addListener((o, was, on) -> sidePanes.set(!on));
    }

    /** Whether the browser (left) and knobs / model (right) columns are shown beside the plots. */
    BooleanProperty sidePanesProperty() {
        return sidePanes;
    }

    private void showSidePanes(boolean shown) {
        // collapse rather than remove the columns: their charts stay attached to the scene
        if (!shown && left.isVisible()) {
            double[] d = columns.getDividerPositions();
            normalDividers[0] = d[0];
            normalDividers[1] = d[1];
        }
        for (Region side : new Region[] {left, rightTabs}) {
            side.setVisible(shown);
            side.setMinWidth(shown ? (side == left ? LEFT_MIN : RIGHT_MIN) : 0);
            side.setMaxWidth(shown ? Double.MAX_VALUE : 0);
        }
        double l = shown ? normalDividers[0] : 0;
        double r = shown ? normalDividers[1] : 1;
        columns.setDividerPositions(l, r);
        // the dividers only hold once the split pane has laid out the new widths
        javafx.application.Platform.runLater(() -> columns.setDividerPositions(l, r));
    }

    private static TabPane tabs(String id, Tab... tabs) {
        for (int i = 1; i < tabs.length; i++) {
            Node content = tabs[i].getContent();
            if (content != null) {
                tabs[i].setContent(null);
                contentOnFirstSelection(tabs[i], () -> content);
            }
        }
        TabPane t = new TabPane(tabs);
        t.setId(id);
        t.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        t.getStyleClass().add("column-tabs");
        return t;
    }

    /**
     * A tab not shown at first gets its content when first selected: its controls are styled and
     * skinned then, not while the window opens (a third of the first frame's work); a content made
     * by {@code content} only then (the Population view) is not even built before.
     */
    private static void contentOnFirstSelection(Tab tab, java.util.function.Supplier<Node> content) {
        tab.getProperties().put(PENDING_CONTENT, content);
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean selected) {
                if (selected) {
                    tab.selectedProperty().removeListener(this);
                    tab.getProperties().remove(PENDING_CONTENT);
                    tab.setContent(content.get());
                }
            }
        });
    }

    /** A tab's content, attached or still waiting for the tab's first selection (then made if it must be). */
    @SuppressWarnings("unchecked")
    private static Node contentOf(Tab tab) {
        return tab.getContent() != null ? tab.getContent()
                : ((java.util.function.Supplier<Node>) tab.getProperties().get(PENDING_CONTENT)).get();
    }

    private static final String PENDING_CONTENT = "ac1.pendingContent";

    BorderPane root() {
        return root;
    }

    TabPane leftTabs() {
        return leftTabs;
    }

    TabPane rightTabs() {
        return rightTabs;
    }

    /** The centre's tabs: the selected cell's plots (0) and the population of its stimulus (1). */
    TabPane centreTabs() {
        return centreTabs;
    }

    /** Shows the selected cell's plots. */
    void showCellView() {
        centreTabs.getSelectionModel().select(0);
    }

    /** Whether the Population tab is the one shown in the centre. */
    javafx.beans.value.ObservableBooleanValue populationShown() {
        return centreTabs.getSelectionModel().selectedIndexProperty().isEqualTo(1);
    }

    /** Switches between the cell's plots and the population of its stimulus. */
    void toggleCellOrPopulation() {
        centreTabs.getSelectionModel().select(1 - centreTabs.getSelectionModel().getSelectedIndex());
    }

    /** Brings the tab holding {@code node} (browser, knobs, model) to the front; shows the side panes. */
    void reveal(Node node) {
        for (TabPane tabs : new TabPane[] {leftTabs, rightTabs}) {
            for (Tab t : tabs.getTabs()) {
                Node content = contentOf(t);
                if (content == node || content != null && isInside(node, content)) {
                    sidePanes.set(true);
                    tabs.getSelectionModel().select(t);
                }
            }
        }
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    /** The knobs column (the guided tour frames it). */
    Node knobsColumn() {
        return knobsColumn;
    }
}
