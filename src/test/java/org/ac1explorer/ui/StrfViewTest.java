package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.stage.Stage;
import org.ac1explorer.analysis.StrfResult;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.dataset.WehrPublishedSubset;
import org.ac1explorer.ui.browser.CellsTable;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.strf.StrfController;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/**
 * The model view (linear STRF of the selected cell, its prediction over the binned response), the
 * sortable cells table with CC_max, and the published-subset filter, headless on the demo dataset.
 */
class StrfViewTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    private StrfController.Fit waitForFit() {
        waitUntil("the STRF of the selected cell is fitted", 90, () -> {
            StrfController.Fit f = window.controllers().strf().fit();
            return f != null && window.controllers().strf().isCurrent(f) && !window.controllers().strf().runningProperty().get();
        });
        return fx(() -> window.controllers().strf().fit());
    }

    @Test
    void theSelectedCellsStrfIsShownAndItsPredictionDrawnOverTheResponse() {
        openDemo();
        StrfController.Fit f = waitForFit();
        StrfResult r = f.result();
        assertEquals(18, r.bands(), "53 bands pooled to 2 per octave");
        assertEquals(21, r.lags(), "0-100 ms at 5 ms");
        assertEquals(18 * 21, (int) fx(() -> window.views().strfPane().grid().getDataCount()));
        double[] z = fx(() -> window.views().strfPane().zRange());
        assertEquals(-z[1], z[0], 1e-12, "colour range symmetric about 0");
        assertEquals(r.maxAbsWeight(), z[1], 1e-12);
        assertTrue(fx(() -> window.views().strfPane().heldOutLabel().getText()).matches("−?\\d\\.\\d\\d"),
                fx(() -> window.views().strfPane().heldOutLabel().getText()));
        // the prediction of the selected stimulus is drawn on the response's time axis
        Selection s = fx(() -> window.model().selection());
        int order = s.cell().stimuli().indexOf(s.stimulus());
        StrfResult.StimulusFit sf = r.stimulus(order);
        waitUntil("the prediction is drawn", () -> window.views().plots().response().predictionDataSet().getDataCount()
                == sf.predicted().length);
        assertEquals((0.5 * 5) / 1000, fx(() -> window.views().plots().response().predictionDataSet().get(0, 0)), 1e-12);
        assertEquals(sf.predicted()[3], fx(() -> window.views().plots().response().predictionDataSet().get(1, 3)), 1e-12);

        // another stimulus of the same cell: no new fit, its own prediction
        CellRecord cell = s.cell();
        fx(() -> {
            window.model().select(new Selection(cell, cell.stimuli().get(1)));
            return null;
        });
        StrfResult.StimulusFit sf1 = r.stimulus(1);
        waitUntil("the second stimulus' prediction", () -> window.views().plots().response().predictionDataSet().getDataCount()
                == sf1.predicted().length && window.views().plots().response().predictionDataSet().get(1, 2) == sf1.predicted()[2]);
        assertEquals(f, fx(() -> window.controllers().strf().fit()), "same fit reused");

        // a longer max lag refits with more lags
        fx(() -> {
            window.controllers().strf().optionsProperty().set(window.controllers().strf().optionsProperty().get().withMaxLagMs(150));
            return null;
        });
        StrfController.Fit g = waitForFit();
        assertNotEquals(f, g);
        assertEquals(31, g.result().lags());
    }

    @Test
    void cellsTableSortsByCcMaxAndThePublishedFilterKeepsThePublishedWehrCells() {
        openDemo();
        waitUntil("counts with CC_max", () -> window.model().counts() != null && !window.model().counts().ccMax().isEmpty());
        List<CellsTable.Row> rows = fx(() -> List.copyOf(window.views().cellsTable().table().getItems()));
        assertEquals(fx(() -> window.model().dataset().cells().size()), rows.size());
        assertTrue(rows.stream().allMatch(r -> Double.isNaN(r.ccMax()) || (r.ccMax() >= 0 && r.ccMax() <= 1)));
        assertTrue(rows.stream().anyMatch(r -> r.ccMax() > 0), "some cell has a CC_max");
        // sort by CC_max, descending
        fx(() -> {
            var col = window.views().cellsTable().table().getColumns().get(1);
            col.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            window.views().cellsTable().table().getSortOrder().setAll(List.of(col));
            return null;
        });
        List<CellsTable.Row> sorted = fx(() -> List.copyOf(window.views().cellsTable().table().getItems()));
        for (int i = 1; i < sorted.size(); i++) {
            double a = sorted.get(i - 1).ccMax();
            double b = sorted.get(i).ccMax();
            assertTrue(Double.isNaN(b) || a >= b, "descending, NaN last: " + a + " then " + b);
        }
        // selecting a row selects the cell
        CellsTable.Row last = sorted.get(sorted.size() - 1);
        fx(() -> {
            window.views().cellsTable().table().getSelectionModel().select(last);
            return null;
        });
        assertEquals(last.cell().id(), fx(() -> window.model().selection().cell().id()));

        // published filter: only Wehr cells whose wehr_cell_idx is in the published subset, in tree and table
        fx(() -> {
            window.views().browser().publishedOnlyProperty().set(true);
            return null;
        });
        List<CellsTable.Row> pub = fx(() -> List.copyOf(window.views().cellsTable().table().getItems()));
        assertFalse(pub.isEmpty());
        for (CellsTable.Row r : pub) {
            assertEquals("wehr", r.cell().experimenter());
            assertTrue(WehrPublishedSubset.isPublished(r.cell().wehrCellIdx()));
            WehrPublishedSubset.Split sp = WehrPublishedSubset.split(r.cell().wehrCellIdx()).orElseThrow();
            assertEquals(sp.train() + "/" + sp.validation() + "/" + sp.test(), r.split());
        }
        long expected = fx(() -> window.model().dataset().cells().stream()
                .filter(c -> c.experimenter().equals("wehr") && WehrPublishedSubset.isPublished(c.wehrCellIdx())).count());
        assertEquals(expected, pub.size());
        int treeCells = fx(() -> {
            int n = 0;
            javafx.scene.control.TreeView<?> tree = window.views().browser().tree();
            for (javafx.scene.control.TreeItem<?> g : tree.getRoot().getChildren()) {
                n += g.getChildren().size();     // a group's children are its cells
            }
            return n;
        });
        assertEquals(expected, treeCells);
    }
}
