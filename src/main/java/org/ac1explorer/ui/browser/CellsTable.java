package org.ac1explorer.ui.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.explore.DatasetCounts;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The cells as a sortable table, for picking cells to model: noise ceiling CC_max over the cell's
 * stimuli, repeats and the fraction kept at the current knobs, and the published Wehr subset
 * and split. Click a header to sort; selecting a row selects the cell (keeping the stimulus when
 * the cell heard it). Undefined values sort last.
 */
public final class CellsTable extends VBox {
    /** One row: a cell and what the last counting pass says about it (kept -1 and NaN while unknown). */
    public record Row(CellRecord cell, int stimuli, int repeats, int kept, double ccMax, boolean published,
                      String split) {
        /** Kept repeats / repeats (NaN while unknown or for cells outside the cohort). */
        public double keptFraction() {
            return kept < 0 || repeats == 0 ? Double.NaN : kept / (double) repeats;
        }
    }

    private final ExplorerModel model;
    private final BooleanProperty publishedOnly;
    private final TableView<Row> table = new TableView<>();
    private final Label stale = new Label("Kept and CC_max are from the previous knobs: recounting…");
    private boolean syncing;

    public CellsTable(ExplorerModel model, BooleanProperty publishedOnly) {
        this.model = model;
        this.publishedOnly = publishedOnly;
        getStyleClass().add("browser");
        getStylesheets().add(CellsTable.class.getResource("browser.css").toExternalForm());
        setSpacing(6);
        setId("cells-table-pane");

        CheckBox pub = new CheckBox("Only Wehr cells of the published models");
        pub.selectedProperty().bindBidirectional(publishedOnly);
        pub.getStyleClass().add("browser-published");

        table.setId("cells-table");
        table.setPlaceholder(new Label("No cells"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<Row, String> cell = text("Cell", r -> r.cell().session(), 132);
        TableColumn<Row, Number> cc = number("CC_max", Row::ccMax, 2, 66,
                "Noise ceiling over the cell's stimuli (Schoppe et al. 2016), pooled by time bins, at the current knobs");
        TableColumn<Row, Number> kept = number("Kept", Row::keptFraction, -1, 50,
                "Fraction of the cell's repeats kept by the gating at the current knobs");
        TableColumn<Row, Number> reps = number("Rep.", r -> r.repeats(), 0, 44, "Repeats (all stimuli)");
        TableColumn<Row, Number> stim = number("Stim.", r -> r.stimuli(), 0, 44, "Stimuli the cell heard");
        TableColumn<Row, String> group = text("Group", r -> cap(r.cell().experimenter()) + "·" + r.cell().site()
                + (r.cell().isSpiking() ? " spikes" : " Vm"), 96);
        TableColumn<Row, String> pubCol = text("Pub.", r -> r.published() ? "✓" : "", 38);
        pubCol.setComparator(Comparator.comparing((String s) -> s.isEmpty()));
        TableColumn<Row, String> split = text("Split", Row::split, 56);
        tip(pubCol, "Used in the published Wehr models (Rançon, Masquelier & Cottereau 2024/2025)");
        tip(split, "Published train/validation/test stimulus counts of the Wehr cell");
        table.getColumns().setAll(List.of(cell, cc, kept, pubCol, split, reps, stim, group));
        table.getColumns().forEach(CellsTable::neverNarrowerThanHeader);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
            if (!syncing && row != null) {
                select(row.cell());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        stale.setId("cells-table-stale");
        stale.setWrapText(true);
        stale.managedProperty().bind(stale.visibleProperty());
        getChildren().addAll(pub, stale, table);
        model.paramsProperty().addListener((o, a, b) -> showStale());

        model.datasetProperty().addListener((o, a, b) -> rebuild());
        model.countsProperty().addListener((o, a, b) -> rebuild());
        publishedOnly.addListener((o, a, b) -> rebuild());
        model.selectionProperty().addListener((o, a, b) -> showSelection());
        rebuild();
    }

    public TableView<Row> table() {
        return table;
    }

    private void select(CellRecord c) {
        if (c.stimuli().isEmpty()) {
            return;
        }
        Selection cur = model.selection();
        if (cur != null && cur.cell().id().equals(c.id())) {
            return;
        }
        CellStimulus pick = c.stimuli().get(0);
        if (cur != null) {
            for (CellStimulus s : c.stimuli()) {
                if (s.key().equals(cur.stimulus().key())) {
                    pick = s;
                    break;
                }
            }
        }
        model.select(new Selection(c, pick));
    }

    /** The rows of the current dataset and counts, in the dataset's order. */
    public static List<Row> rows(LoadedDataset d, DatasetCounts counts, boolean publishedOnly) {
        List<Row> rows = new ArrayList<>();
        if (d == null) {
            return rows;
        }
        for (CellRecord c : d.cells()) {
            boolean published = BrowserPane.isPublished(c);
            if (publishedOnly && !published) {
                continue;
            }
            int kept = -1;
            double cc = Double.NaN;
            if (counts != null) {
                int k = 0;
                boolean known = false;
                for (CellStimulus s : c.stimuli()) {
                    int n = counts.kept(c.id(), s.key());
                    if (n >= 0) {
                        k += n;
                        known = true;
                    }
                }
                kept = known ? k : -1;
                cc = counts.ccMax(c.id());
            }
            String split = c.experimenter().equals("wehr") ? WehrPublishedSubset.split(c.wehrCellIdx())
                    .map(s -> s.train() + "/" + s.validation() + "/" + s.test()).orElse("") : "";
            rows.add(new Row(c, c.stimuli().size(), c.repeatCount(), kept, cc, published, split));
        }
        return rows;
    }

    /** Whether the counts shown were made at other knobs than the current ones (a recount is pending or running). */
    public static boolean stale(DatasetCounts counts, ExplorerModel model) {
        return counts != null && !counts.params().equals(model.params());
    }

    private void showStale() {
        boolean old = stale(model.counts(), model);
        stale.setVisible(old);
        table.setOpacity(old ? 0.55 : 1.0);
    }

    private void rebuild() {
        showStale();
        syncing = true;
        try {
            table.getItems().setAll(rows(model.dataset(), model.counts(), publishedOnly.get()));
            table.sort();
        } finally {
            syncing = false;
        }
        showSelection();
    }

    private void showSelection() {
        Selection s = model.selection();
        syncing = true;
        try {
            if (s == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).cell().id().equals(s.cell().id())) {
                    if (table.getSelectionModel().getSelectedIndex() != i) {
                        table.getSelectionModel().clearAndSelect(i);
                        table.scrollTo(Math.max(0, i - 3));
                    }
                    return;
                }
            }
            table.getSelectionModel().clearSelection();
        } finally {
            syncing = false;
        }
    }

    /** Room for the header text, its sort arrow and padding, px. */
    static double headerWidth(String name) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(name);
        t.setFont(javafx.scene.text.Font.getDefault());
        return Math.ceil(t.getLayoutBounds().getWidth()) + HEADER_EXTRA;
    }

    /** Sort arrow (about 12 px) plus the header's padding on both sides. */
    private static final double HEADER_EXTRA = 30;

    /** A column is never narrower than its header (a user's drag included); wider content gets a tooltip. */
    private static void neverNarrowerThanHeader(TableColumn<Row, ?> c) {
        double min = headerWidth(c.getText());
        c.setMinWidth(min);
        c.setPrefWidth(Math.max(c.getPrefWidth(), min));
    }

    private static TableColumn<Row, String> text(String name, Function<Row, String> f, double width) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        // a value cut by the column's width is readable in full in its tooltip
        c.setCellFactory(col -> {
            TableCell<Row, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty ? null : v);
                }
            };
            Tooltips.install(cell, cell::getText);
            return cell;
        });
        return c;
    }

    /** A numeric column; {@code decimals} -1 shows a percentage. NaN shows "–" and sorts last either way. */
    private static TableColumn<Row, Number> number(String name, Function<Row, Number> f, int decimals, double width,
                                                   String tip) {
        TableColumn<Row, Number> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setComparator(Comparator.comparingDouble(Number::doubleValue));
        c.sortTypeProperty().addListener((o, a, b) -> c.setComparator(nanLast(b)));
        c.setComparator(nanLast(TableColumn.SortType.ASCENDING));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                if (empty || v == null) {
                    setText(null);
                } else if (Double.isNaN(v.doubleValue())) {
                    setText("–");
                } else {
                    setText(decimals < 0 ? Formats.num(100 * v.doubleValue(), 0) + " %" : Formats.num(v.doubleValue(), decimals));
                }
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        if (tip != null) {
            tip(c, tip);
        }
        return c;
    }

    /** Orders numbers with NaN last whichever the sort direction (the table reverses the comparator for descending). */
    private static Comparator<Number> nanLast(TableColumn.SortType type) {
        boolean descending = type == TableColumn.SortType.DESCENDING;
        return (a, b) -> {
            double x = a.doubleValue();
            double y = b.doubleValue();
            boolean nx = Double.isNaN(x);
            boolean ny = Double.isNaN(y);
            if (nx || ny) {
                return nx == ny ? 0 : (nx ^ descending) ? 1 : -1;
            }
            return Double.compare(x, y);
        };
    }

    private static void tip(TableColumn<Row, ?> c, String text) {
        Label l = new Label(c.getText());
        Tooltips.install(l, text);
        c.setText(null);
        c.setGraphic(l);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
