package org.ac1explorer.ui.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.explore.DatasetCounts;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The cell browser (left): experimenter · site groups, cells with their signal type, stimuli with
 * repeats kept/total, a filter box, and keyboard navigation (↑/↓ previous/next cell keeping the
 * stimulus when the next cell heard it too, ←/→ previous/next stimulus).
 */
public final class BrowserPane extends VBox {
    private final ExplorerModel model;
    private final TextField filter = new TextField();
    private final CheckBox publishedOnly = new CheckBox("Only Wehr cells of the published models");
    private final TreeView<BrowserNode> tree = new TreeView<>();
    private final Label empty = new Label("No dataset open");
    private final Map<String, TreeItem<BrowserNode>> stimulusItems = new LinkedHashMap<>();
    private final List<CellRecord> visibleCells = new ArrayList<>();
    private final Map<String, List<CellStimulus>> visibleStimuli = new LinkedHashMap<>();
    private boolean syncing;

    public BrowserPane(ExplorerModel model) {
        this.model = model;
        getStyleClass().add("browser");
        getStylesheets().add(BrowserPane.class.getResource("browser.css").toExternalForm());
        setSpacing(6);

        filter.setPromptText("Filter: cell, site, stimulus… (e.g. MGB, ha3, rain)");
        filter.setId("browser-filter");
        filter.textProperty().addListener((o, a, b) -> rebuild());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                filter.clear();
                tree.requestFocus();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                tree.requestFocus();
                e.consume();
            }
        });

        publishedOnly.setId("browser-published");
        Tooltips.install(publishedOnly, "The 21 Wehr cells used in the published models (Rançon, Masquelier & "
                + "Cottereau 2024/2025; deepSTRF WEHR_VALID_NEURONS), by wehr_cell_idx");
        publishedOnly.selectedProperty().addListener((o, a, b) -> rebuild());
        publishedOnly.getStyleClass().add("browser-published");

        tree.setId("browser-tree");
        tree.setShowRoot(false);
        tree.setCellFactory(t -> new NodeCell());
        tree.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (syncing || item == null) {
                return;
            }
            if (item.getValue() instanceof BrowserNode.Stimulus s) {
                model.select(new Selection(s.cell(), s.stimulus()));
            } else if (item.getValue() instanceof BrowserNode.Cell c && !c.cell().stimuli().isEmpty()) {
                List<CellStimulus> st = visibleStimuli.getOrDefault(c.cell().id(), c.cell().stimuli());
                model.select(new Selection(c.cell(), st.isEmpty() ? c.cell().stimuli().get(0) : st.get(0)));
            }
        });
        tree.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case UP -> nextCell(-1);
                case DOWN -> nextCell(1);
                case LEFT -> nextStimulus(-1);
                case RIGHT -> nextStimulus(1);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        empty.getStyleClass().add("browser-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        javafx.scene.layout.StackPane treeBox = new javafx.scene.layout.StackPane(tree, empty);
        VBox.setVgrow(treeBox, Priority.ALWAYS);

        getChildren().addAll(filter, publishedOnly, treeBox);

        model.datasetProperty().addListener((o, a, d) -> rebuild());
        model.countsProperty().addListener((o, a, b) -> tree.refresh());
        model.selectionDataProperty().addListener((o, a, b) -> tree.refresh());
        model.selectionProperty().addListener((o, a, s) -> showSelection(s));
        rebuild();
    }

    public TreeView<BrowserNode> tree() {
        return tree;
    }

    public TextField filterField() {
        return filter;
    }

    /** Whether only the Wehr cells of the published models are listed. */
    public javafx.beans.property.BooleanProperty publishedOnlyProperty() {
        return publishedOnly.selectedProperty();
    }

    static boolean isPublished(CellRecord c) {
        return c.experimenter().equals("wehr") && WehrPublishedSubset.isPublished(c.wehrCellIdx());
    }

    private boolean matches(String q, CellRecord c) {
        return (c.session() + " " + c.experimenter() + " " + c.site() + " " + c.recordingType() + " " + c.signalType() + " "
                + c.animalId()).toLowerCase(Locale.ROOT).contains(q);
    }

    private static boolean matches(String q, CellStimulus s) {
        return (s.info().description() + " " + s.info().category() + " " + String.join(" ", s.info().segmentFiles()))
                .toLowerCase(Locale.ROOT).contains(q);
    }

    private void rebuild() {
        LoadedDataset d = model.dataset();
        stimulusItems.clear();
        visibleCells.clear();
        visibleStimuli.clear();
        TreeItem<BrowserNode> root = new TreeItem<>();
        if (d == null) {
            empty.setText("No dataset open — File ▸ Open…");
            empty.setVisible(true);
            syncing = true;
            tree.setRoot(root);
            syncing = false;
            return;
        }
        String q = filter.getText().trim().toLowerCase(Locale.ROOT);
        Map<String, List<TreeItem<BrowserNode>>> groups = new LinkedHashMap<>();
        Map<String, String[]> groupKeys = new LinkedHashMap<>();
        for (CellRecord c : d.cells()) {
            if (publishedOnly.isSelected() && !isPublished(c)) {
                continue;
            }
            boolean cellHit = q.isEmpty() || matches(q, c);
            List<CellStimulus> st = new ArrayList<>();
            for (CellStimulus s : c.stimuli()) {
                if (cellHit || matches(q, s)) {
                    st.add(s);
                }
            }
            if (st.isEmpty()) {
                continue;
            }
            TreeItem<BrowserNode> cellItem = new TreeItem<>(new BrowserNode.Cell(c));
            // a match on a stimulus (not on the cell itself) opens the cell to show it
            cellItem.setExpanded(!q.isEmpty() && !cellHit);
            for (CellStimulus s : st) {
                TreeItem<BrowserNode> si = new TreeItem<>(new BrowserNode.Stimulus(c, s));
                cellItem.getChildren().add(si);
                stimulusItems.put(new Selection(c, s).id(), si);
            }
            visibleCells.add(c);
            visibleStimuli.put(c.id(), st);
            String g = c.experimenter() + "·" + c.site();
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(cellItem);
            groupKeys.put(g, new String[] {c.experimenter(), c.site()});
        }
        for (Map.Entry<String, List<TreeItem<BrowserNode>>> e : groups.entrySet()) {
            String[] k = groupKeys.get(e.getKey());
            TreeItem<BrowserNode> gi = new TreeItem<>(new BrowserNode.Group(k[0], k[1], e.getValue().size()));
            gi.getChildren().setAll(e.getValue());
            gi.setExpanded(true);
            root.getChildren().add(gi);
        }
        empty.setText(!q.isEmpty() ? "Nothing matches \"" + filter.getText().trim() + "\""
                : publishedOnly.isSelected() ? "No Wehr cell of the published models in this dataset"
                : "This dataset has no cells");
        syncing = true;
        try {
            tree.setRoot(root);
        } finally {
            syncing = false;
        }
        empty.setVisible(root.getChildren().isEmpty());
        showSelection(model.selection());
    }

    private void showSelection(Selection s) {
        syncing = true;
        try {
            TreeItem<BrowserNode> item = s == null ? null : stimulusItems.get(s.id());
            if (item == null) {
                tree.getSelectionModel().clearSelection();
                return;
            }
            for (TreeItem<BrowserNode> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(item);
            int row = tree.getRow(item);
            if (row >= 0) {
                scrollIntoView(row);
            }
        } finally {
            syncing = false;
        }
    }

    private void scrollIntoView(int row) {
        // scrollTo puts the row at the top; only scroll when it is out of view
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) tree.lookup(".virtual-flow");
        if (flow == null || flow.getFirstVisibleCell() == null || flow.getLastVisibleCell() == null) {
            tree.scrollTo(Math.max(0, row - 2));
            return;
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        if (row <= first || row >= last) {
            tree.scrollTo(Math.max(0, row - 3));
        }
    }

    /** Selects the previous (-1) or next (+1) visible cell, on the same stimulus when it heard it. */
    public void nextCell(int dir) {
        if (visibleCells.isEmpty()) {
            return;
        }
        Selection s = model.selection();
        int i = s == null ? -1 : indexOfCell(s.cell());
        int j = i < 0 ? (dir > 0 ? 0 : visibleCells.size() - 1) : i + dir;
        if (j < 0 || j >= visibleCells.size()) {
            return;
        }
        CellRecord c = visibleCells.get(j);
        List<CellStimulus> st = visibleStimuli.get(c.id());
        CellStimulus pick = st.get(0);
        if (s != null) {
            for (CellStimulus x : st) {
                if (x.key().equals(s.stimulus().key())) {
                    pick = x;
                    break;
                }
            }
        }
        model.select(new Selection(c, pick));
    }

    /** Selects the previous (-1) or next (+1) stimulus of the current cell. */
    public void nextStimulus(int dir) {
        Selection s = model.selection();
        if (s == null) {
            nextCell(1);
            return;
        }
        List<CellStimulus> st = visibleStimuli.get(s.cell().id());
        if (st == null) {
            return;
        }
        int i = st.indexOf(s.stimulus());
        int j = i + dir;
        if (i < 0) {
            j = 0;
        }
        if (j >= 0 && j < st.size()) {
            model.select(new Selection(s.cell(), st.get(j)));
        }
    }

    private int indexOfCell(CellRecord c) {
        for (int i = 0; i < visibleCells.size(); i++) {
            if (visibleCells.get(i).id().equals(c.id())) {
                return i;
            }
        }
        return -1;
    }

    /** Selects the first cell's first stimulus (after opening a dataset). */
    public void selectFirst() {
        if (!visibleCells.isEmpty()) {
            CellRecord c = visibleCells.get(0);
            model.select(new Selection(c, visibleStimuli.get(c.id()).get(0)));
        }
    }

    /** Tries to select the pair with id {@code id} (remembered from a previous run). */
    public boolean selectById(String id) {
        TreeItem<BrowserNode> item = stimulusItems.get(id);
        if (item != null && item.getValue() instanceof BrowserNode.Stimulus s) {
            model.select(new Selection(s.cell(), s.stimulus()));
            return true;
        }
        return false;
    }

    static String stimulusTitle(CellStimulus s) {
        return s.info().description();
    }

    private final class NodeCell extends TreeCell<BrowserNode> {
        private final Label name = new Label();
        private final Label badge = new Label();
        private final Region gap = new Region();
        private final HBox box = new HBox(6, name, gap, badge);

        NodeCell() {
            HBox.setHgrow(gap, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            name.setMinWidth(0);
            // keep both ends of long names: "natural sound stream (mixture)" vs "(animals)" stay apart
            name.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_WORD_ELLIPSIS);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            box.prefWidthProperty().bind(tree.widthProperty().subtract(70));
            // its text is written when the pointer enters: rows are updated far more often than hovered
            Tooltips.install(this, () -> isEmpty() ? null : tooltipText(getItem()));
        }

        @Override
        protected void updateItem(BrowserNode item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            getStyleClass().removeAll("group-row", "cell-row", "stimulus-row");
            badge.getStyleClass().setAll("badge");
            if (isEmpty || item == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null); // a reused row's tooltip is made again when the pointer enters
                return;
            }
            if (item instanceof BrowserNode.Group g) {
                getStyleClass().add("group-row");
                name.setText(cap(g.experimenter()) + " · " + g.site());
                badge.setText(g.cells() + (g.cells() == 1 ? " cell" : " cells"));
                badge.getStyleClass().add("badge-count");
                setTooltip(null);
            } else if (item instanceof BrowserNode.Cell c) {
                getStyleClass().add("cell-row");
                CellRecord r = c.cell();
                name.setText(r.session());
                boolean spikes = r.isSpiking();
                badge.setText(spikes ? "spikes" : "Vm");
                badge.getStyleClass().add(spikes ? "badge-spikes" : "badge-vm");
            } else if (item instanceof BrowserNode.Stimulus s) {
                getStyleClass().add("stimulus-row");
                name.setText(stimulusTitle(s.stimulus()));
                int total = s.stimulus().repeats().size();
                int kept = keptOf(s);
                badge.setText((kept < 0 ? "–" : Integer.toString(kept)) + "/" + total);
                badge.getStyleClass().add(kept < 0 ? "badge-unknown" : kept == 0 ? "badge-none"
                        : kept < total ? "badge-some" : "badge-all");
            }
            setGraphic(box);
        }

        private String tooltipText(BrowserNode item) {
            if (item instanceof BrowserNode.Cell c) {
                CellRecord r = c.cell();
                boolean spikes = r.isSpiking();
                return r.session() + "\n" + r.recordingType() + " · " + r.site() + " · "
                        + (spikes ? "cell-attached: spikes → PSTH" : "whole-cell: subthreshold Vm") + "\n"
                        + r.stimuli().size() + " stimuli, " + r.repeatCount() + " repeats" + reliabilityText(r);
            }
            if (item instanceof BrowserNode.Stimulus s) {
                int total = s.stimulus().repeats().size();
                int kept = keptOf(s);
                return s.stimulus().info().description() + "\n" + s.stimulus().info().category()
                        + " · " + Formats.num(s.stimulus().info().durationMs() / 1000.0, 2) + " s\n"
                        + (kept < 0 ? total + " repeats (kept count pending, or cell outside the cohort)"
                        : kept + " of " + total + " repeats kept at the current knobs") + stimulusCcMax(s);
            }
            return "";
        }

        private int keptOf(BrowserNode.Stimulus s) {
            SelectionData live = model.selectionData();
            if (live != null && live.analysis() != null && live.selection().cell().id().equals(s.cell().id())
                    && live.selection().stimulus().key().equals(s.stimulus().key())) {
                return (int) live.keptCount();
            }
            DatasetCounts c = model.counts();
            return c == null ? -1 : c.kept(s.cell().id(), s.stimulus().key());
        }
    }

    /** CC_max and the published split of a cell, for its tooltip. */
    private String reliabilityText(CellRecord r) {
        StringBuilder b = new StringBuilder();
        DatasetCounts c = model.counts();
        if (c != null && c.keptByCellStimulus().keySet().stream().anyMatch(k -> k.startsWith(r.id() + "#"))) {
            double cc = c.ccMax(r.id());
            b.append("\nCC_max ").append(Double.isNaN(cc) ? "undefined (no stimulus with 2 kept repeats)"
                    : Formats.num(cc, 2)).append(" (noise ceiling over its stimuli)");
        }
        if (r.experimenter().equals("wehr")) {
            b.append("\nwehr_cell_idx ").append(r.wehrCellIdx());
            WehrPublishedSubset.split(r.wehrCellIdx()).ifPresent(sp -> b.append(" · published split ")
                    .append(sp.train()).append('/').append(sp.validation()).append('/').append(sp.test())
                    .append(" (train/val/test stimuli)"));
            b.append(isPublished(r) ? "\nused in the published models" : "\nnot used in the published models");
        }
        return b.toString();
    }

    private String stimulusCcMax(BrowserNode.Stimulus s) {
        DatasetCounts c = model.counts();
        if (c == null || c.kept(s.cell().id(), s.stimulus().key()) < 0) {
            return "";
        }
        double cc = c.ccMax(s.cell().id(), s.stimulus().key());
        return "\nCC_max " + (Double.isNaN(cc) ? "undefined (needs 2 kept repeats)" : Formats.num(cc, 2));
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
