package org.ac1explorer.ui.analysis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.junit.jupiter.api.Test;

class SelectionControllerTest {
    @Test
    void aSelectionComputedAheadIsShownWithoutATask() throws Exception {
        Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE);
        BackgroundWork work = new BackgroundWork(1);
        try {
            ExplorerModel model = new ExplorerModel();
            SelectionController controller = new SelectionController(model, work);
            LoadedDataset d = new LoadedDataset(archive, Fixtures.mini(), "mini", false);
            CellRecord c = archive.cells().get(0);
            Selection sel = new Selection(c, c.stimuli().get(0));
            d.analyzer().prefetch(sel, model.params(), model.curation(), Runnable::run);
            model.setDataset(d);

            model.select(sel);
            // no JavaFX thread runs here: a result from a task could not have arrived yet
            SelectionData shown = model.selectionData();
            assertNotNull(shown, "published in the selection's own change");
            assertSame(sel, shown.selection());
            assertFalse(controller.runningProperty().get());
        } finally {
            work.shutdown();
            archive.close();
        }
    }
}
