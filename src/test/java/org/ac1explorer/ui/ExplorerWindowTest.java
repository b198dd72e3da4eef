package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.dsp.RepeatVerdict;
import org.ac1explorer.explore.SelectionAnalyzer;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Settings;
import org.ac1explorer.ui.common.TaskContext;
import org.ac1explorer.ui.knobs.Knob;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.open.OpenController;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer window, headless (Monocle): opens the demo dataset, shows the selection's plots,
 * re-decides verdicts when a gating knob moves, recomputes the spectrogram when dt changes,
 * navigates by keyboard, cancels loading and exports.
 */
class ExplorerWindowTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    // --- helpers ---

    private void select(Selection s) {
        fx(() -> {
            window.model().select(s);
            return null;
        });
        waitUntilDrawn();
    }

    private void setKnob(String param, String text) {
        fx(() -> {
            window.views().knobs().knob(param).field().setText(text);
            return null;
        });
    }

    // --- tests ---

    @Test
    void firstStartGeneratesTheDemoIntoTheCacheFolderAndOpensIt() throws Exception {
        Path fresh = tmp.resolve("cache").resolve("demo-test");
        MainWindow w = fx(() -> {
            Stage s = new Stage();
            MainWindow m = new MainWindow(s, smallWindow(), fresh, BackgroundWork.create());
            m.show();
            m.controllers().opener().openInitial();
            return m;
        });
        try {
            waitUntil("the generated demo is open", () -> w.model().dataset() != null && w.model().selectionData() != null);
            assertTrue(Files.isRegularFile(fresh.resolve(OpenController.COMPLETE_MARKER)));
            assertTrue(fx(() -> w.model().dataset().demo()));
            assertTrue(fx(() -> w.model().dataset().cells().size()) > 5);
        } finally {
            fx(() -> {
                w.close();
                w.stage().close();
                return null;
            });
        }
    }

    @Test
    void openingTheDemoShowsSpectrogramTracesAndResponseOfTheFirstSelection() {
        openDemo();
        assertTrue(fx(() -> window.views().plots().spectrogram().frames()) > 100, "spectrogram has frames");
        assertEquals(53, (int) fx(() -> window.views().plots().spectrogram().bands()), "53 bands at the defaults");
        assertTrue(fx(() -> window.views().plots().spectrogram().dataSet().getDataCount()) > 100 * 53);
        SelectionData d = fx(() -> window.model().selectionData());
        assertEquals(d.repeatCount(), (int) fx(() -> window.views().plots().traces().rowTexts().size()), "one row per repeat");
        assertTrue(fx(() -> window.views().plots().traces().current().rows().get(0).main().n()) > 100, "traces have points");
        assertTrue(fx(() -> window.views().plots().response().dataSet().getDataCount()) > 10, "binned response drawn");
        assertTrue(fx(() -> window.views().statusBar().counterText(GateReason.KEPT)).matches("kept \\d+|kept …"));
        assertTrue(dialogs.isEmpty(), dialogs.toString());
    }

    @Test
    void plotsStopDrawingOnceTheyShowTheLatestPreparationAndTheCountsThenCome() {
        openDemo();
        // each switch prepares the plots again, superseding the last preparation, finished or not
        for (int i = 0; i < 30; i++) {
            fx(() -> {
                var raw = window.views().plots().traces().rawProperty();
                raw.set(!raw.get());
                return null;
            });
        }
        waitUntil("the plots are drawn", () -> !window.views().plots().drawingProperty().get());
        // the cohort counts wait for the drawn plots
        waitUntil("dataset counters", () -> window.model().counts() != null);
    }

    @Test
    void browserRowTooltipsSayWhatTheRowHoldsWhenThePointerIsOnTheRow() {
        openDemo();
        // the counts redraw the rows (their kept badges): hover once they are in
        waitUntil("dataset counters", () -> window.model().counts() != null);
        FxRobot robot = new FxRobot();
        List<String> texts = new java.util.ArrayList<>();
        for (String row : List.of("cell-row", "stimulus-row", "group-row")) {
            String seen = "";
            // the tree may lay its rows out again meanwhile (the selection scrolled to): until the row
            // under the pointer is still of that kind when read
            for (int attempt = 0; attempt < 20 && !seen.startsWith(row); attempt++) {
                javafx.scene.Node n = fx(() -> window.views().browser().tree().lookupAll(".tree-cell").stream()
                        .filter(c -> c.isVisible() && ((javafx.scene.control.TreeCell<?>) c).getItem() != null
                                && c.getStyleClass().contains(row)).findFirst().orElseThrow());
                robot.moveTo(n);
                // what the row holds now, with its tooltip, read in one go
                seen = fx(() -> {
                    javafx.scene.control.Tooltip tip = ((javafx.scene.control.Control) n).getTooltip();
                    String now = n.getStyleClass().stream().filter(c -> c.endsWith("-row")).findFirst().orElse("empty");
                    return now + " " + (tip == null ? "(none)" : tip.getText());
                });
            }
            texts.add(seen);
        }
        assertTrue(texts.get(0).contains(" stimuli, ") && texts.get(0).contains(" repeats"), texts.toString());
        assertTrue(texts.get(1).matches("(?s).* · [0-9.]+ s\n.*repeats.*"), texts.toString());
        assertEquals("group-row (none)", texts.get(2), "a group row has no tooltip");
    }

    @Test
    void raisingAbsMvMaxAboveARejectedRepeatsScoreKeepsItAndLoweringItRejectsItAgain() throws Exception {
        openDemo();
        // find a repeat the range test rejects: candidates from the dataset-wide counters, then analysed directly
        waitUntil("dataset counters", () -> window.model().counts() != null);
        var counts = fx(() -> window.model().counts());
        Selection target = null;
        int repeat = -1;
        double score = 0;
        Ac1Archive a = fx(() -> window.model().dataset().archive());
        SelectionAnalyzer an = new SelectionAnalyzer(a);
        search:
        for (CellRecord c : a.cells()) {
            for (CellStimulus st : c.stimuli()) {
                int kept = counts.kept(c.id(), st.key());
                if (kept < 0 || kept == st.repeats().size()) {
                    continue;
                }
                Selection s = new Selection(c, st);
                SelectionData d = an.compute(s, Params.defaults(), TaskContext.NONE);
                for (int i = 0; i < d.repeatCount(); i++) {
                    RepeatVerdict v = d.verdicts().get(i);
                    if (v.reason() == GateReason.RANGE && Double.isFinite(v.maxAbsMv()) && v.maxAbsMv() < 5000) {
                        target = s;
                        repeat = i;
                        score = v.maxAbsMv();
                        break search;
                    }
                }
            }
        }
        assertNotNull(target, "the demo has a repeat rejected by the range test");
        select(target);
        int r = repeat;
        double above = Math.ceil(score + 1);
        double below = Math.floor(score - 1);
        assertTrue(fx(() -> window.views().plots().traces().rowTexts().get(r)).contains("range"));

        // type a threshold just above the repeat's max |Vm| into the knob, as a user would
        FxRobot robot = new FxRobot();
        fx(() -> {
            stage.requestFocus();
            return null;
        });
        Knob knob = fx(() -> window.views().knobs().knob("abs-mv-max"));
        robot.doubleClickOn(knob.field());
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(String.valueOf(above));
        waitUntil("the knob reaches the model", () -> window.model().params().absMvMax() == above);
        waitUntilDrawn();
        assertNotEquals(GateReason.RANGE, fx(() -> window.model().selectionData().verdicts().get(r).reason()));
        assertFalse(fx(() -> window.views().plots().traces().rowTexts().get(r)).contains("range"),
                "the row's verdict flipped in the view");

        setKnob("abs-mv-max", String.valueOf(below));
        waitUntil("lowered threshold applied", () -> window.model().params().absMvMax() == below);
        waitUntilDrawn();
        assertTrue(fx(() -> window.views().plots().traces().rowTexts().get(r)).contains("range"), "rejected again");
    }

    @Test
    void raisingMinXcorrAboveAllCorrelationsRejectsEveryRepeatByXcorr() {
        openDemo();
        SelectionData d = fx(() -> window.model().selectionData());
        org.junit.jupiter.api.Assumptions.assumeTrue(d.repeatCount() >= 3);
        setKnob("min-xcorr", "0.999");
        waitUntil("min r applied", () -> window.model().params().minXcorr() == 0.999);
        waitUntilDrawn();
        List<String> rows = fx(() -> window.views().plots().traces().rowTexts());
        assertTrue(rows.stream().anyMatch(t -> t.contains("xcorr r = ") && t.contains("< 0.999")), rows.toString());
        assertTrue(rows.stream().allMatch(t -> !t.contains("r = ") || t.matches(".*r = −?\\d\\.\\d\\d( .*)?")),
                "one precision for r: " + rows);
        // the longer labels widen the chart's right margin on a following layout pulse, and the plots
        // are aligned again when later results (counts, STRF prediction) arrive: judged once settled
        waitUntil("one verdict label per repeat, each beside the traces", () -> {
            javafx.geometry.Bounds plot = window.views().plots().traces().plotAreaBounds();
            List<javafx.geometry.Bounds> labels = window.views().plots().traces().rowLabelBounds();
            return labels.size() == rows.size() && labels.stream().allMatch(l -> l.getMinX() >= plot.getMaxX());
        });
        assertTrue(fx(() -> window.model().selectionData().keptCount()) < d.keptCount());
    }

    @Test
    void doublingDtFrom5To10MsHalvesTheSpectrogramFrames() {
        openDemo();
        int frames5 = fx(() -> window.views().plots().spectrogram().frames());
        setKnob("dt-ms", "10");
        waitUntil("dt 10 applied", () -> window.model().params().dtMs() == 10.0);
        waitUntilDrawn();
        int frames10 = fx(() -> window.views().plots().spectrogram().frames());
        assertEquals(frames5 / 2.0, frames10, 2.0, "frames at dt 5 ms: " + frames5 + ", at 10 ms: " + frames10);
        assertEquals(frames10, (int) fx(() -> window.model().selectionData().spectrogramFrames()));
    }

    @Test
    void anInvalidKnobValueIsMarkedAtTheKnobAndNothingIsRecomputed() {
        openDemo();
        Params before = fx(() -> window.model().params());
        SelectionData shown = fx(() -> window.model().selectionData());
        setKnob("fmax", "50");
        String err = fx(() -> window.views().knobs().knob("fmax").errorText());
        assertNotNull(err, "fmax below fmin is marked");
        assertTrue(err.contains("fmin"), err);
        setKnob("dt-ms", "abc");
        assertTrue(fx(() -> window.views().knobs().knob("dt-ms").errorText()).contains("not a number"));
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(before, fx(() -> window.model().params()), "the model keeps the last valid parameters");
        assertTrue(shown == fx(() -> window.model().selectionData()), "nothing recomputed");
        fx(() -> {
            window.views().knobs().show(Params.defaults());
            return null;
        });
        assertNull(fx(() -> window.views().knobs().knob("fmax").errorText()));
        assertNull(fx(() -> window.views().knobs().knob("dt-ms").errorText()));
    }

    @Test
    void arrowKeysMoveToTheNextCellAndTheNextStimulus() {
        openDemo();
        Selection first = fx(() -> window.model().selection());
        FxRobot robot = new FxRobot();
        fx(() -> {
            stage.requestFocus();
            window.views().browser().tree().requestFocus();
            return null;
        });
        robot.type(KeyCode.DOWN);
        waitUntil("next cell selected", () -> !window.model().selection().cell().equals(first.cell()));
        Selection second = fx(() -> window.model().selection());
        assertEquals(fx(() -> window.model().dataset().cells().get(1)), second.cell());
        int i = second.cell().stimuli().indexOf(second.stimulus());
        boolean last = i == second.cell().stimuli().size() - 1;
        robot.type(last ? KeyCode.LEFT : KeyCode.RIGHT);
        waitUntil("neighbouring stimulus selected", () -> !window.model().selection().stimulus().equals(second.stimulus()));
        assertEquals(second.cell(), fx(() -> window.model().selection().cell()));
        assertEquals(last ? i - 1 : i + 1, second.cell().stimuli().indexOf(fx(() -> window.model().selection().stimulus())));
        robot.type(KeyCode.UP);
        waitUntil("back to the first cell", () -> window.model().selection().cell().equals(first.cell()));
        waitUntilDrawn();
    }

    @Test
    void cancellingALoadReturnsTheStatusToIdleAndLeavesNoTaskRunning() {
        String said = fx(() -> {
            window.controllers().opener().open(demo);
            assertTrue(window.status().isBusy());
            window.status().cancel();
            return window.status().messageProperty().get();
        });
        assertEquals("Cancelled", said);
        waitUntil("no task left", () -> window.work().runningNow() == 0);
        assertFalse(fx(() -> window.status().isBusy()));
        waitUntil("the Cancelled notice does not linger", () -> !"Cancelled".equals(window.status().messageProperty().get()));
        assertNull(fx(() -> window.model().dataset()), "the cancelled load did not open the dataset");

        // cancelling a load that is under way (after it has started reading) also ends cleanly
        fx(() -> window.controllers().opener().open(demo));
        WaitForAsyncUtils.sleep(40, TimeUnit.MILLISECONDS);
        fx(() -> {
            window.status().cancel();
            return null;
        });
        waitUntil("no task left after a cancel mid-way", () -> window.work().runningNow() == 0);
        assertFalse(fx(() -> window.status().isBusy()));
        assertTrue(dialogs.isEmpty(), dialogs.toString());
    }

    @Test
    void openingAnotherDatasetDuringALoadCancelsTheFirstAndOpensTheSecond() {
        fx(() -> {
            window.controllers().opener().open(org.ac1explorer.Fixtures.mini());
            window.controllers().opener().open(demo);
            return null;
        });
        waitUntil("the second dataset is open", 60, () -> window.model().dataset() != null && window.work().runningNow() == 0);
        assertEquals(demo, fx(() -> window.model().dataset().folder()));
        assertTrue(dialogs.isEmpty(), dialogs.toString());
    }

    @Test
    void closingTheWindowDuringAnExportStopsEveryBackgroundThread() throws Exception {
        openDemo();
        Path out = tmp.resolve("closing.mat");
        fx(() -> window.controllers().exporter().export(out));
        fx(() -> {
            window.close();
            stage.close();
            return null;
        });
        waitUntil("no background thread left", 20, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("ac1-background")));
        waitUntil("no parallel worker busy", 20, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ac1-parallel") && t.getState() == Thread.State.RUNNABLE));
        try (var files = Files.list(tmp)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no partial export left");
        }
    }

    @Test
    void downloadFetchesTheArchivesFromThePortalAndOffersToOpenThem() throws Exception {
        try (org.ac1explorer.download.FakePortal portal = new org.ac1explorer.download.FakePortal()) {
            List<Path> opened = new ArrayList<>();
            Path dest = tmp.resolve("crcns");
            var controller = fx(() -> new org.ac1explorer.ui.download.DownloadController(window.status(), window.work(),
                    new org.ac1explorer.ui.common.ViewSettings(Settings.inMemory()), () -> stage, portal.base(), opened::add));
            char[] password = org.ac1explorer.download.FakePortal.PASSWORD.toCharArray();
            var task = fx(() -> controller.download(new org.ac1explorer.ui.download.DownloadRequest(dest,
                    org.ac1explorer.download.CrcnsDownloader.ARCHIVES,
                    new org.ac1explorer.download.Credentials(org.ac1explorer.download.FakePortal.USER, password))));
            waitUntil("download done", 60, task::isDone);
            waitUntil("offered to open", 10, () -> !opened.isEmpty());
            assertEquals(List.of(dest), opened);
            for (String a : org.ac1explorer.download.CrcnsDownloader.ARCHIVES) {
                assertArrayEquals(portal.file(a), Files.readAllBytes(dest.resolve(a)));
            }
            assertTrue(new String(password).chars().allMatch(c -> c == 0), "the password is wiped after the download");
            assertTrue(fx(() -> window.status().messageProperty().get()).startsWith("Downloaded"));
        }
    }

    @Test
    void waveformExportWritesGridLockedWaveformRows() throws Exception {
        openDemo();
        Path out = tmp.resolve("wave.mat");
        var task = fx(() -> window.controllers().exporter().export(out, org.ac1explorer.dataset.WaveformMode.defaults()));
        waitUntil("waveform export done", 120, task::isDone);
        assertEquals(javafx.concurrent.Worker.State.SUCCEEDED, fx(task::getState));
        try (var mat = us.hebi.matlab.mat.format.Mat5.readFromFile(out.toFile())) {
            var first = mat.getCell("stims").getMatrix(0);
            assertEquals(1, first.getNumRows());
            assertEquals(0, first.getNumCols() % 480, "T x hop samples, hop = 96000 Hz x 5 ms");
        }
    }

    @Test
    void exportWritesTheMatFileAndNeverIntoTheDataFolder() throws Exception {
        openDemo();
        Path out = tmp.resolve("export.mat");
        var task = fx(() -> window.controllers().exporter().export(out));
        waitUntil("export done", 90, task::isDone);
        assertEquals(javafx.concurrent.Worker.State.SUCCEEDED, fx(task::getState));
        assertTrue(Files.size(out) > 1000, "MAT file written");
        assertTrue(fx(() -> window.status().messageProperty().get()).startsWith("Exported"));
        Throwable refused = fx(() -> {
            try {
                window.controllers().exporter().export(demo.resolve("inside.mat"));
                return null;
            } catch (IllegalArgumentException e) {
                return e;
            }
        });
        assertNotNull(refused, "an export into the data folder is refused");
        assertFalse(Files.exists(demo.resolve("inside.mat")));
    }

    @Test
    void theTimeCursorIsShownInAllThreePlotsAndFitShowsTheWholeSelection() {
        openDemo();
        fx(() -> {
            window.views().plots().time().setRange(0.2, 0.4);
            return null;
        });
        assertEquals(0.2, fx(() -> window.views().plots().response().chart().getXAxis().getMin()), 1e-9, "zoom is shared");
        assertEquals(0.4, fx(() -> window.views().plots().spectrogram().chart().getXAxis().getMax()), 1e-9);
        fx(() -> {
            window.views().plots().time().cursorProperty().set(0.3);
            return null;
        });
        long shown = fx(() -> java.util.stream.Stream.of(window.views().plots().spectrogram().chart(), window.views().plots().traces().chart(),
                window.views().plots().response().chart()).filter(c -> c.getCanvasForeground().getChildren().stream()
                .anyMatch(n -> n.getStyleClass().contains("time-cursor") && n.isVisible())).count());
        assertEquals(3, shown, "cursor line in each plot");
        FxRobot robot = new FxRobot();
        fx(() -> {
            stage.requestFocus();
            window.views().plots().requestFocus();
            return null;
        });
        robot.type(KeyCode.F);
        waitUntil("fit", () -> window.views().plots().traces().chart().getXAxis().getMin() == 0
                && window.views().plots().traces().chart().getXAxis().getMax() == window.views().plots().time().fullEnd());
    }

    @Test
    void theProblemsPaneListsLoadingWarningsOfTheFixtureEachNamingItsFile() {
        Path mini = org.ac1explorer.Fixtures.mini();
        fx(() -> window.controllers().opener().open(mini));
        waitUntilDrawn();
        List<org.ac1explorer.archive.Problem> problems = fx(() -> List.copyOf(window.views().problems().list().getItems()));
        assertTrue(problems.stream().filter(p -> p.location().endsWith(".mat")).count() >= 2, problems.toString());
        assertTrue(fx(() -> window.views().problems().getText()).matches("Problems \\(\\d+\\)"));
        assertEquals("ac1-mini", fx(() -> window.model().dataset().name()));
    }

    @Test
    void openingAFolderWithoutDataExplainsWhyAndKeepsTheCurrentDataset() throws Exception {
        openDemo();
        Path empty = Files.createDirectories(tmp.resolve("not-a-dataset"));
        var before = fx(() -> window.model().dataset());
        fx(() -> window.controllers().opener().open(empty));
        waitUntil("the load ended", () -> !window.status().isBusy() && window.work().runningNow() == 0);
        assertEquals(1, dialogs.size(), dialogs.toString());
        assertTrue(dialogs.get(0).contains("not-a-dataset"), dialogs.get(0));
        assertFalse(dialogs.get(0).contains("Exception"), "no stack trace or exception names: " + dialogs.get(0));
        assertTrue(fx(() -> window.status().errorProperty().get()));
        assertTrue(before == fx(() -> window.model().dataset()), "the demo stays open");
    }
}
