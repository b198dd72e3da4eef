package org.ac1explorer.ui.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.model.LoadedDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EarlyOpeningTest {
    @TempDir
    Path tmp;

    /** Settings that remember {@code lastDataset} and {@code lastSelection}, with a curation file that does not exist yet. */
    private Settings remembering(String lastDataset, String lastSelection) {
        Settings store = Settings.inMemory();
        ViewSettings view = new ViewSettings(store);
        view.lastDatasetProperty().set(lastDataset);
        view.lastSelectionProperty().set(lastSelection);
        view.curationFileProperty().set(tmp.resolve("curation.json"));
        return store;
    }

    private Path incompleteDemo() throws Exception {
        return Files.createDirectories(tmp.resolve("demo"));
    }

    @Test
    void readsTheRememberedFolderAndComputesTheRememberedCellAtTheRememberedKnobs() throws Exception {
        Path mini = Fixtures.mini();
        LoadedDataset probe = OpenController.read(mini, false, ProgressMonitor.NONE);
        Selection remembered = new Selection(probe.cells().get(1), probe.cells().get(1).stimuli().get(0));
        probe.archive().close();
        Settings store = remembering(mini.toString(), remembered.id());

        EarlyOpening early = EarlyOpening.begin(store, incompleteDemo(), null);
        assertNotNull(early);
        CompletableFuture<LoadedDataset> f = early.take(mini, false);
        assertNotNull(f, "the window's open of the remembered folder takes the early read");
        LoadedDataset d = f.get(30, TimeUnit.SECONDS);
        try {
            assertEquals(probe.cells(), d.cells());
            SelectionData data = null;
            for (int i = 0; i < 600 && data == null; i++) {
                data = d.analyzer().ready(remembered, store.loadParams(), Curation.EMPTY);
                Thread.sleep(50);
            }
            assertNotNull(data, "the remembered cell was computed ahead at the remembered knobs");
            assertEquals(remembered, data.selection());
        } finally {
            d.archive().close();
        }
    }

    @Test
    void handsItsResultOverOnceAndOnlyForItsFolder() throws Exception {
        Path mini = Fixtures.mini();
        EarlyOpening early = EarlyOpening.begin(remembering("", ""), incompleteDemo(), mini);
        assertNull(early.take(tmp, false), "another folder");
        assertNull(early.take(mini, true), "the same folder as the demo");
        CompletableFuture<LoadedDataset> f = early.take(mini, false);
        assertNotNull(f, "the folder named on the command line comes before the remembered one");
        assertNull(early.take(mini, false), "taken once");
        f.get(30, TimeUnit.SECONDS).archive().close();
    }

    @Test
    void theOpenThatTakesTheResultIsToldHowFarTheReadGot() throws Exception {
        Path mini = Fixtures.mini();
        EarlyOpening early = EarlyOpening.begin(remembering(mini.toString(), ""), incompleteDemo(), null);
        CompletableFuture<LoadedDataset> f = early.take(mini, false);
        f.get(30, TimeUnit.SECONDS).archive().close();
        java.util.List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        early.reportTo(new ProgressMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                said.add(done + "/" + total + " " + message);
            }
        });
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("Reading cells"), said.toString());
    }

    @Test
    void theDemoStillToGenerateIsNotReadEarly() throws Exception {
        assertNull(EarlyOpening.begin(remembering("demo", ""), incompleteDemo(), null));
        assertNull(EarlyOpening.begin(remembering("", ""), incompleteDemo(), null));
    }

    @Test
    void aFolderWithoutCellsFailsQuietlyForTheWindowToReadAndReportItself() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        EarlyOpening early = EarlyOpening.begin(remembering(empty.toString(), ""), incompleteDemo(), null);
        CompletableFuture<LoadedDataset> f = early.take(empty, false);
        assertNull(ProgressMonitor.NONE.await(f), "no dataset: the window's open reads the folder again and reports why");
        assertTrue(f.isCompletedExceptionally());
    }

    @Test
    void aDiscardedResultIsNoLongerHandedOver() throws Exception {
        Path mini = Fixtures.mini();
        EarlyOpening early = EarlyOpening.begin(remembering(mini.toString(), ""), incompleteDemo(), null);
        early.discard();
        assertNull(early.take(mini, false));
    }
}
