package org.ac1explorer.ui.curation;

import java.util.Optional;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.ac1explorer.curation.CellExclusion;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.RepeatKey;
import org.ac1explorer.curation.RepeatOverride;

/**
 * Every hand decision of the open curation in one table (overrides, then excluded cells), kept
 * current; double-click or Enter on a row jumps to that cell x stimulus and repeat.
 */
public final class OverridesWindow {
    /** One table row: a repeat override, or a cell exclusion (repeat 0, no stimulus). */
    public record Entry(String cell, String stimulus, int repeat, String decision, String note) {
        static Entry of(RepeatOverride o) {
            return new Entry(o.key().cell(), o.key().stimulus(), o.key().repeat(), o.verdict().label(), o.note());
        }

        static Entry of(CellExclusion e) {
            return new Entry(e.cell(), "", 0, "exclude cell", e.note());
        }
    }

    private final Stage stage = new Stage();
    private final TableView<Entry> table = new TableView<>();
    private final ObservableList<Entry> rows = FXCollections.observableArrayList();

    /** {@code jump} receives the chosen repeat's key (repeat 0 for an excluded cell's row). */
    public OverridesWindow(Window owner, ReadOnlyObjectProperty<Curation> curation, BiConsumer<RepeatKey, Boolean> jump) {
        stage.initOwner(owner);
        stage.setTitle("Hand curation: all decisions");
        table.setId("overrides-table");
        table.setItems(rows);
        table.getColumns().add(column("Cell", Entry::cell, 150));
        table.getColumns().add(column("Stimulus", Entry::stimulus, 260));
        table.getColumns().add(column("Repeat", e -> e.repeat() == 0 ? "" : "#" + e.repeat(), 60));
        table.getColumns().add(column("Decision", Entry::decision, 100));
        table.getColumns().add(column("Note", Entry::note, 240));
        table.setPlaceholder(new Label("No hand decisions yet: click a repeat's label, then K (keep) or R (reject)"));
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                open(jump);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open(jump);
            }
        });
        curation.addListener((o, a, c) -> fill(c));
        fill(curation.get());
        BorderPane root = new BorderPane(table);
        Label hint = new Label("Double-click or Enter: go to the repeat. Ctrl+Z / Ctrl+Shift+Z in the main window undo / redo.");
        hint.setPadding(new Insets(6));
        hint.setWrapText(true);
        root.setBottom(hint);
        stage.setScene(new Scene(root, 860, 380));
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** The rows shown (for tests). */
    public ObservableList<Entry> rows() {
        return rows;
    }

    private void fill(Curation c) {
        rows.setAll(c.overrides().stream().map(Entry::of).toList());
        rows.addAll(c.excludedCells().stream().map(Entry::of).toList());
    }

    private void open(BiConsumer<RepeatKey, Boolean> jump) {
        Optional.ofNullable(table.getSelectionModel().getSelectedItem()).ifPresent(e ->
                jump.accept(new RepeatKey(e.cell(), e.stimulus(), e.repeat()), e.repeat() == 0));
    }

    private static TableColumn<Entry, String> column(String name, java.util.function.Function<Entry, String> value, double width) {
        TableColumn<Entry, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
