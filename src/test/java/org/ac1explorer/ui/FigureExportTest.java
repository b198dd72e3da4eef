package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.ac1explorer.dsp.GateReason;
import org.ac1explorer.explore.SelectionData;
import org.ac1explorer.ui.common.VerdictStyle;
import org.ac1explorer.ui.figures.ChartFigure;
import org.ac1explorer.ui.figures.Figure;
import org.ac1explorer.ui.figures.FigureExport;
import org.ac1explorer.ui.figures.FigureSheet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** What exported figures hold beyond the charts' drawing (legends, the repeats' verdict labels), and figures as PDF. */
class FigureExportTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    private static List<Figure.Label> labels(Figure f) {
        return f.items().stream().filter(i -> i instanceof Figure.Label).map(i -> (Figure.Label) i).toList();
    }

    private static Figure.Label label(Figure f, String text) {
        return labels(f).stream().filter(l -> l.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("\"" + text + "\" not in the figure: "
                        + labels(f).stream().map(Figure.Label::text).toList()));
    }

    /** The box a left-aligned, unturned label covers. */
    private static Bounds box(Figure.Label l) {
        double h = l.font().getSize() * 1.2;
        return new BoundingBox(l.x(), l.y() - h / 2, l.width(), h);
    }

    /** The box around every data line (the strokes clipped to the plot area), as far as it lies in the plot area. */
    private static Bounds traceBox(Figure f) {
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        Bounds p = f.plotArea();
        for (Figure.Item i : f.items()) {
            if (i instanceof Figure.Stroke s && s.clipped() && s.width() >= 0.8) {
                for (int k = 0; k + 1 < s.xy().length; k += 2) {
                    double x = s.xy()[k];
                    double y = s.xy()[k + 1];
                    if (Double.isFinite(x) && Double.isFinite(y) && p.contains(x, y)) {
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x);
                        y1 = Math.max(y1, y);
                    }
                }
            }
        }
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** The colour of the legend's line sample (or box) just left of {@code l}. */
    private static Color sampleColour(Figure f, Figure.Label l) {
        for (Figure.Item i : f.items()) {
            if (i instanceof Figure.Stroke s && !s.clipped() && s.xy().length == 4 && Math.abs(s.xy()[1] - l.y()) < 0.01
                    && s.xy()[2] < l.x() && l.x() - s.xy()[2] < 10) {
                return s.colour();
            }
            if (i instanceof Figure.Fill fl && !fl.clipped() && fl.xy().length == 8 && fl.paint() instanceof Color c
                    && Math.abs((fl.xy()[1] + fl.xy()[5]) / 2 - l.y()) < 0.01 && fl.xy()[2] < l.x() && l.x() - fl.xy()[2] < 10) {
                return c;
            }
        }
        throw new AssertionError("no legend sample beside " + l.text());
    }

    private static boolean drawsInColour(Figure f, Color c) {
        return f.items().stream().anyMatch(i -> i instanceof Figure.Stroke s && s.clipped() && s.colour().equals(c));
    }

    @Test
    void exportedRepeatsAndResponseCarryALegendOfWhatTheyDrawAndTheVerdictLabelsOutsideTheTraces() {
        openDemo();
        // reject some repeats by correlation, and show the raw traces with their baselines
        fx(() -> {
            window.views().knobs().knob("min-xcorr").field().setText("0.85");
            window.views().plots().traces().rawProperty().set(true);
            return null;
        });
        waitUntil("min r 0.85 drawn raw", () -> window.model().params().minXcorr() == 0.85
                && window.views().plots().traces().current() != null
                && window.views().plots().traces().current().layout().raw());
        waitUntilDrawn();
        SelectionData d = fx(() -> window.model().selectionData());
        org.junit.jupiter.api.Assumptions.assumeTrue(d.keptCount() > 0 && d.keptCount() < d.repeatCount(),
                "the demo's first selection has kept and rejected repeats at min r 0.85: " + d.keptCount());

        // the chart takes the new verdicts' colours on its next layout: wait until it draws an xcorr rejection
        waitUntil("an xcorr-rejected repeat drawn", () -> drawsInColour(ChartFigure.of(window.views().plots().traces().chart()),
                VerdictStyle.color(GateReason.XCORR)));
        Figure traces = fx(() -> ChartFigure.of(window.views().plots().traces().chart()));
        Bounds plot = traces.plotArea();
        Bounds drawn = traceBox(traces);
        // the verdict labels as on screen, beside the traces
        for (String row : fx(() -> window.views().plots().traces().rowTexts())) {
            Figure.Label l = label(traces, row);
            assertTrue(l.x() >= plot.getMaxX(), row + " right of the plot area");
            assertFalse(box(l).intersects(drawn), row + " off the traces " + drawn);
        }
        // the legend: kept, the test that rejected, the baseline, each in the colour of its lines
        List<String> legend = List.of("kept", "rejected: " + VerdictStyle.label(GateReason.XCORR),
                "detrend baseline (MedGauss)");
        for (String text : legend) {
            Figure.Label l = label(traces, text);
            assertFalse(box(l).intersects(plot), text + " " + box(l) + " outside the plot area " + plot);
            assertTrue(traces.view().contains(box(l)), text + " inside the figure");
            assertTrue(drawsInColour(traces, sampleColour(traces, l)), text + ": its colour is a drawn line's");
        }
        assertEquals(VerdictStyle.color(GateReason.KEPT), sampleColour(traces, label(traces, "kept")));
        assertEquals(VerdictStyle.color(GateReason.XCORR), sampleColour(traces, label(traces, "rejected: xcorr")));
        assertTrue(labels(traces).stream().noneMatch(l -> l.text().equals("rejected by hand")),
                "no entry for what is not drawn");

        Figure response = fx(() -> ChartFigure.of(window.views().plots().response().chart()));
        String mean = "mean of " + d.binnedKept().length + " kept repeat" + (d.binnedKept().length == 1 ? "" : "s");
        for (String text : List.of(mean, "± s.e.m.")) {
            Figure.Label l = label(response, text);
            assertFalse(box(l).intersects(response.plotArea()), text + " outside the plot area");
            assertTrue(response.view().contains(box(l)), text + " inside the figure");
        }
        assertTrue(drawsInColour(response, sampleColour(response, label(response, mean))), "the mean's colour");
        keepForViewing("legends");
    }

    @Test
    void thePlotsSaveAsOnePdfPageSizedInCmWithTheirTextsAsText() throws Exception {
        openDemo();
        List<XYChart> charts = fx(() -> List.of(window.views().plots().spectrogram().chart(),
                window.views().plots().traces().chart(), window.views().plots().response().chart()));
        Path pdf = tmp.resolve("figure.pdf");
        Path one = tmp.resolve("repeats.pdf");
        double aspect = fx(() -> {
            FigureExport.saveSheet(new FigureExport.SheetRequest(charts, "Cell 1 & its sound", 17, 300,
                    FigureExport.Format.PDF), pdf);
            FigureExport.save(charts.get(1), one, FigureExport.Format.PDF, "repeats");
            FigureSheet sheet = new FigureSheet("x", charts.stream().map(ChartFigure::of).toList());
            return sheet.height() / sheet.width();
        });
        List<String> rows = fx(() -> window.views().plots().traces().rowTexts());
        String scale = fx(() -> window.views().plots().traces().scaleBar().mvText());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, d.getNumberOfPages());
            assertEquals(17 / 2.54 * 72, d.getPage(0).getMediaBox().getWidth(), 0.01, "17 cm wide");
            assertEquals(17 / 2.54 * 72 * aspect, d.getPage(0).getMediaBox().getHeight(), 0.5, "height in proportion");
            // the stripper breaks turned text (y axis titles) into lines: join them
            String text = new PDFTextStripper().getText(d).replaceAll("\\R", "");
            for (String s : List.of("Cell 1 & its sound", "Time (s)", "Frequency (kHz)", "Level (dB)", "Vm (mV)",
                    "Response (mV)", "kept", "± s.e.m.", scale, rows.get(0).replace("✔ ", "").replace("✘ ", ""))) {
                assertTrue(text.contains(s), "\"" + s + "\" is text in the PDF: " + text);
            }
        }
        try (PDDocument d = Loader.loadPDF(one.toFile())) {
            assertTrue(new PDFTextStripper().getText(d).contains("Time (s)"), "a single plot as PDF");
        }
        String keep = System.getProperty("ac1.keepFigures");
        if (keep != null) {
            Files.copy(pdf, Files.createDirectories(Path.of(keep)).resolve("figure.pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** With -Dac1.keepFigures=DIR, saves the three plots as one PNG there, to look at. */
    private void keepForViewing(String name) {
        String dir = System.getProperty("ac1.keepFigures");
        if (dir == null) {
            return;
        }
        fx(() -> {
            Path keep = Files.createDirectories(Path.of(dir));
            List<XYChart> charts = List.of(window.views().plots().spectrogram().chart(),
                    window.views().plots().traces().chart(), window.views().plots().response().chart());
            FigureExport.saveSheet(new FigureExport.SheetRequest(charts, "Figure test: " + name, 17, 200,
                    FigureExport.Format.PNG), keep.resolve(name + ".png"));
            return null;
        });
    }
}
