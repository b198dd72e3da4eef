package org.ac1explorer.ui.browser;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.VBox;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.ui.common.Tooltips;

/**
 * The collapsible list of loading problems and warnings, each naming its file; the title carries
 * the count ("Problems (3)") and turns red when a file was skipped.
 */
public final class ProblemsPane extends TitledPane {
    private static final PseudoClass HAS_ERRORS = PseudoClass.getPseudoClass("has-errors");
    private final ListView<Problem> list = new ListView<>();
    /** What the title's tooltip says: errors and warnings counted. */
    private String summary = "";

    public ProblemsPane(ObservableList<Problem> problems) {
        getStyleClass().add("problems-pane");
        setId("problems");
        setExpanded(false);
        setAnimated(false);
        list.setItems(problems);
        list.setPrefHeight(170);
        list.setMinHeight(60);
        list.setPlaceholder(new Label("No problems while loading"));
        list.setCellFactory(v -> new ProblemCell());
        setContent(list);
        problems.addListener((ListChangeListener<Problem>) c -> update(problems));
        update(problems);
        Tooltips.install(this, () -> summary);
    }

    private void update(ObservableList<Problem> problems) {
        long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        setText("Problems (" + problems.size() + ")");
        pseudoClassStateChanged(HAS_ERRORS, errors > 0);
        summary = problems.isEmpty() ? "Nothing went wrong while reading the dataset"
                : errors + " error(s) (files or cells skipped), " + (problems.size() - errors) + " warning(s)";
    }

    public ListView<Problem> list() {
        return list;
    }

    private static final class ProblemCell extends ListCell<Problem> {
        private final Label where = new Label();
        private final Label what = new Label();
        private final VBox box = new VBox(1, where, what);

        ProblemCell() {
            where.getStyleClass().add("problem-file");
            what.getStyleClass().add("problem-message");
            what.setWrapText(true);
            box.setMaxWidth(Double.MAX_VALUE);
            what.maxWidthProperty().bind(widthProperty().subtract(24));
            Tooltips.install(this, () -> isEmpty() || getItem() == null ? null
                    : getItem().location() + "\n" + getItem().message());
        }

        @Override
        protected void updateItem(Problem p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setGraphic(null);
                return;
            }
            String loc = p.location();
            int slash = Math.max(loc.lastIndexOf('/'), loc.lastIndexOf('\\'));
            String file = slash >= 0 && slash < loc.length() - 1 ? loc.substring(slash + 1) : loc;
            where.setText((p.severity() == Problem.Severity.ERROR ? "✖ " : "⚠ ") + file);
            where.pseudoClassStateChanged(PseudoClass.getPseudoClass("error"), p.severity() == Problem.Severity.ERROR);
            what.setText(p.message());
            setGraphic(box);
        }
    }
}
