package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.ui.figures.ChartFigure;
import org.ac1explorer.ui.figures.Figure;
import org.ac1explorer.ui.figures.FigureExport;
import org.ac1explorer.ui.figures.FigureRaster;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.playback.FakeAudioSink;
import org.ac1explorer.ui.playback.PlaybackController;
import org.ac1explorer.ui.playback.PlaybackController.State;
import org.ac1explorer.ui.playback.PlaybackSignal;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The teaching features, headless: playback on a fake sound device (cursor in sync in the three
 * plots, time expansion, Space, click to seek), presentation mode and dark theme, the guided
 * tour and figure export.
 */
class TeachingFeaturesTest extends DemoWindowTest {

    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    private List<XYChart> charts() {
        return List.of(window.views().plots().spectrogram().chart(), window.views().plots().traces().chart(),
                window.views().plots().response().chart());
    }

    /** The playback cursor line of each chart (on the FX thread). */
    private List<Line> playheads() {
        List<Line> out = new ArrayList<>();
        for (XYChart c : charts()) {
            out.add((Line) c.getCanvasForeground().getChildren().stream()
                    .filter(n -> n.getStyleClass().contains("playhead")).findFirst().orElseThrow());
        }
        return out;
    }

    /**
     * Asserts that every plot shows the playback cursor at stimulus time {@code t}, at the same x on
     * screen. The charts' axes settle on later layout pulses (a y axis may change width with its
     * labels, the status bar's counts re-lay the window out), so every check is made on one snapshot,
     * retried until one passes; the last failure is reported.
     */
    private void assertCursorsAt(double t) {
        String[] last = {null};
        try {
            waitUntil("the cursors line up at t = " + t, () -> {
                last[0] = cursorMisplacement(t);
                return last[0] == null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(last[0], e);
        }
    }

    /** Why the cursors are not all at {@code t} and under each other, or null when they are (FX thread). */
    private String cursorMisplacement(double t) {
        List<Line> lines = playheads();
        double sceneX = Double.NaN;
        for (int i = 0; i < 3; i++) {
            XYChart c = charts().get(i);
            Line l = lines.get(i);
            if (!l.isVisible()) {
                return "cursor not shown in plot " + i;
            }
            double want = Math.round(c.getXAxis().getDisplayPosition(t)) + 0.5;
            if (Math.abs(want - l.getStartX()) > 1e-9) {
                return "plot " + i + " cursor at x " + l.getStartX() + ", t = " + t + " is at " + want;
            }
            double x = l.localToScene(l.getStartX(), 0).getX();
            if (i > 0 && Math.abs(sceneX - x) > 1.5) {
                return "plot " + i + " cursor at scene x " + x + ", not under the others at " + sceneX;
            }
            sceneX = x;
        }
        return null;
    }

    private PlaybackController playback() {
        return window.controllers().playback();
    }

    @Test
    void playbackMovesTheCursorInAllThreePlotsInSyncAndStopsAtTheEnd() {
        openDemo();
        FakeAudioSink sink = new FakeAudioSink();
        fx(() -> {
            playback().setSink(sink);
            playback().play();
            return null;
        });
        waitUntil("playing", () -> playback().state() == State.PLAYING);
        FakeAudioSink.Stream stream = sink.current();
        Waveform w = fx(() -> window.model().dataset().archive().waveform(window.model().selection().stimulus().info()));
        assertEquals(w.sampleRateHz(), stream.rateHz(), "real time plays at the stimulus rate");
        assertEquals(0.0, fx(playback()::position), "nothing heard before the clock runs");

        sink.advance(0.5);
        waitUntil("the cursor follows the clock", () -> Math.abs(playback().position() - 0.5) < 1e-9);
        assertCursorsAt(0.5);
        sink.advance(0.75);
        waitUntil("the cursor follows the clock", () -> Math.abs(playback().position() - 1.25) < 1e-9);
        assertCursorsAt(1.25);

        double duration = w.samples().length / w.sampleRateHz();
        sink.advance(duration);
        waitUntil("stopped at the end", () -> playback().state() == State.IDLE);
        assertEquals(duration, fx(playback()::position), 1e-9, "the cursor rests at the end");
        assertCursorsAt(duration);
        float[] played = stream.samples();
        assertEquals(w.samples().length, played.length, "every sample played once");
        double peak = 0;
        for (float v : played) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak <= PlaybackSignal.PEAK + 1e-6 && peak > 0.5, "normalised without clipping: " + peak);
        assertEquals(0f, played[0], "faded in");
        assertTrue(stream.isClosed(), "the device is released");
        assertTrue(dialogs.isEmpty(), dialogs.toString());
    }

    @Test
    void timeExpansion4xPlaysAtAQuarterOfTheRateForFourTimesAsLongAndTheCursorFollowsStimulusTime() {
        openDemo();
        FakeAudioSink sink = new FakeAudioSink();
        fx(() -> {
            playback().setSink(sink);
            window.views().playbackBar().expansionChoice().setValue(4);
            return null;
        });
        assertEquals(4, (int) fx(() -> playback().expansionProperty().get()));
        fx(() -> {
            playback().play();
            return null;
        });
        waitUntil("playing", () -> playback().state() == State.PLAYING);
        Waveform w = fx(() -> window.model().dataset().archive().waveform(window.model().selection().stimulus().info()));
        FakeAudioSink.Stream stream = sink.current();
        assertEquals(w.sampleRateHz() / 4, stream.rateHz(), 1e-9, "samples played at sf/4");
        sink.advance(1.0);
        waitUntil("one device second is a quarter of a stimulus second",
                () -> Math.abs(playback().position() - 0.25) < 1e-9);
        assertCursorsAt(0.25);
        PlaybackSignal sig = fx(playback()::signal);
        assertEquals(4 * w.samples().length / w.sampleRateHz(), sig.playingS(), 1e-9, "4x the duration");
        sink.advance(4 * w.samples().length / w.sampleRateHz());
        waitUntil("the end", () -> playback().state() == State.IDLE);
        assertEquals(w.samples().length, stream.samples().length);
        assertEquals(w.samples().length / w.sampleRateHz(), fx(playback()::position), 1e-9,
                "the cursor ends at the stimulus's end, not 4x further");
    }

    @Test
    void spaceTogglesPlaybackAndAPlainClickOnAPlotSeeksWhileADragStillZooms() {
        openDemo();
        FakeAudioSink sink = new FakeAudioSink();
        fx(() -> {
            playback().setSink(sink);
            stage.requestFocus();
            window.views().browser().tree().requestFocus();
            return null;
        });
        FxRobot robot = new FxRobot();
        robot.type(KeyCode.SPACE);
        waitUntil("Space plays", () -> playback().state() == State.PLAYING);
        sink.advance(0.3);
        waitUntil("heard 0.3 s", () -> Math.abs(playback().position() - 0.3) < 1e-9);
        robot.type(KeyCode.SPACE);
        waitUntil("Space pauses", () -> playback().state() == State.IDLE);
        assertEquals(0.3, fx(playback()::position), 1e-9, "paused where it was");
        robot.type(KeyCode.SPACE);
        waitUntil("Space resumes", () -> playback().state() == State.PLAYING);
        assertEquals(0.3, fx(playback()::position), 1e-9, "resumes from the pause");
        FakeAudioSink.Stream second = sink.current();
        assertEquals(2, sink.streams().size());
        sink.advance(0.2);
        waitUntil("resumed stream's clock", () -> Math.abs(playback().position() - 0.5) < 1e-9);
        fx(() -> {
            playback().pause();
            return null;
        });

        // a click (no drag) in the traces plot moves the play position there
        XYChart traces = fx(() -> window.views().plots().traces().chart());
        Point2D at = fx(() -> {
            Bounds b = traces.getCanvas().localToScreen(traces.getCanvas().getLayoutBounds());
            return new Point2D(b.getMinX() + 0.6 * b.getWidth(), b.getMinY() + 0.5 * b.getHeight());
        });
        double expected = fx(() -> {
            Point2D p = traces.getCanvas().screenToLocal(at);
            return traces.getXAxis().getValueForDisplay(p.getX());
        });
        robot.moveTo(at).clickOn(MouseButton.PRIMARY);
        waitUntil("seeked", () -> Math.abs(playback().position() - expected) < 0.02);
        assertCursorsAt(fx(playback()::position));

        // a drag zooms and does not seek
        double before = fx(playback()::position);
        double lo = fx(() -> window.views().plots().time().loProperty().get());
        double hi = fx(() -> window.views().plots().time().hiProperty().get());
        Point2D from = new Point2D(at.getX() - 200, at.getY());
        robot.drag(from, MouseButton.PRIMARY).moveBy(60, 0).moveBy(60, 0).drop();
        waitUntil("zoomed", () -> window.views().plots().time().hiProperty().get() - window.views().plots().time().loProperty().get()
                < 0.5 * (hi - lo));
        assertEquals(before, fx(playback()::position), 1e-12, "a drag does not seek");
        assertTrue(second.isClosed() || fx(() -> playback().state() == State.IDLE));
    }

    @Test
    void withoutASoundDeviceThePlayButtonExplainsWhyAndNothingBreaks() {
        openDemo();
        fx(() -> {
            playback().setSink(new FakeAudioSink(r -> true, "No sound output device was found."));
            return null;
        });
        new FxRobot().moveTo(window.views().playbackBar().playButton());
        assertTrue(fx(() -> window.views().playbackBar().playButton().getTooltip().getText()).contains("No sound output"));
        fx(() -> {
            window.views().playbackBar().playButton().fire();
            return null;
        });
        assertEquals(State.IDLE, fx(playback()::state));
        assertEquals(1, dialogs.size(), dialogs.toString());
        assertTrue(dialogs.get(0).contains("No sound output device was found."), dialogs.get(0));
        assertTrue(fx(() -> window.status().messageProperty().get()).contains("No sound"));
        // seeking still moves the cursor, and other features work
        fx(() -> {
            playback().seek(0.4);
            return null;
        });
        assertCursorsAt(0.4);
        assertNotNull(fx(() -> window.model().selectionData()));
    }

    @Test
    void everyPlotSavesAsA300DpiPngOfTheExpectedSizeAndAsWellFormedSvg() throws Exception {
        openDemo();
        String[] names = {"spectrogram", "repeats", "response"};
        for (int i = 0; i < 3; i++) {
            int index = i;
            XYChart chart = fx(() -> charts().get(index));
            String name = names[i];
            assertNotNull(FigureExport.menuOf(chart), "right-click menu on the " + name);
            assertTrue(fx(() -> FigureExport.menuOf(chart).getItems().stream()
                    .anyMatch(m -> m.getText() != null && m.getText().startsWith("Save figure as"))));
            Path png = tmp.resolve(name + ".png");
            Path svg = tmp.resolve(name + ".svg");
            int[] expected = fx(() -> {
                Figure f = ChartFigure.of(chart);
                FigureExport.save(chart, png, FigureExport.Format.PNG, name);
                FigureExport.save(chart, svg, FigureExport.Format.SVG, name);
                return FigureRaster.size(f, 300 / 96.0);
            });
            if (System.getProperty("ac1.keepFigures") != null) {
                Path keep = Files.createDirectories(Path.of(System.getProperty("ac1.keepFigures")));
                Files.copy(png, keep.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(svg, keep.resolve(svg.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            double chartWidth = fx(chart::getWidth);
            assertTrue(expected[0] > 2.5 * chartWidth * 0.6, "about 3.1 image pixels per screen pixel");

            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
            assertNotNull(img, name + " PNG readable");
            assertEquals(expected[0], img.getWidth(), name + " PNG width");
            assertEquals(expected[1], img.getHeight(), name + " PNG height");
            int coloured = 0;
            for (int y = 0; y < img.getHeight(); y += 3) {
                for (int x = 0; x < img.getWidth(); x += 3) {
                    int rgb = img.getRGB(x, y);
                    int r = (rgb >> 16) & 255;
                    int g = (rgb >> 8) & 255;
                    int b = rgb & 255;
                    if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                        coloured++;
                    }
                }
            }
            assertTrue(coloured > 200, name + " PNG shows coloured data: " + coloured);
            byte[] bytes = Files.readAllBytes(png);
            String head = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.ISO_8859_1);
            int phys = head.indexOf("pHYs");
            assertTrue(phys > 0, "resolution recorded");
            int ppm = java.nio.ByteBuffer.wrap(bytes, phys + 4, 4).getInt();
            assertEquals(11811, ppm, "300 dpi = 11811 pixels per metre");

            javax.xml.parsers.DocumentBuilderFactory dbf = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            dbf.setNamespaceAware(true);
            org.w3c.dom.Document doc = dbf.newDocumentBuilder().parse(svg.toFile());
            org.w3c.dom.Element root = doc.getDocumentElement();
            assertEquals("svg", root.getLocalName());
            assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
            assertTrue(Double.parseDouble(root.getAttribute("width")) > 100);
            assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 5, name + " has paths");
            List<String> texts = new ArrayList<>();
            org.w3c.dom.NodeList tl = doc.getElementsByTagNameNS("*", "text");
            for (int k = 0; k < tl.getLength(); k++) {
                texts.add(tl.item(k).getTextContent());
            }
            assertTrue(texts.contains("Time (s)"), name + " axis name: " + texts);
            assertTrue(texts.size() > 6, name + " tick labels: " + texts);
            if (i == 0) {
                org.w3c.dom.NodeList images = doc.getElementsByTagNameNS("*", "image");
                assertEquals(1, images.getLength(), "the heatmap is one embedded image");
                String href = ((org.w3c.dom.Element) images.item(0)).getAttributeNS("http://www.w3.org/1999/xlink", "href");
                assertTrue(href.startsWith("data:image/png;base64,"));
                java.awt.image.BufferedImage heat = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                        java.util.Base64.getDecoder().decode(href.substring(href.indexOf(',') + 1))));
                assertEquals((int) fx(() -> window.views().plots().spectrogram().bands()), heat.getHeight(), "one image row per band");
                assertTrue(texts.contains("Frequency (kHz)") && texts.contains("Level (dB)"), texts.toString());
                assertTrue(doc.getElementsByTagNameNS("*", "linearGradient").getLength() >= 1, "colour bar");
            } else {
                assertTrue(doc.getElementsByTagNameNS("*", "path").getLength() > 10);
            }
            if (i == 1) {
                assertTrue(texts.stream().anyMatch(t -> t.startsWith("#1")), "row verdict labels: " + texts);
            }
        }
    }

    private double fontOf(String selector) {
        return ((javafx.scene.control.Labeled) stage.getScene().lookup(selector)).getFont().getSize();
    }

    private double tickFont() {
        return ((io.fair_acc.chartfx.axes.spi.AbstractAxis) window.views().plots().traces().chart().getXAxis())
                .getTickLabelStyle().getFont().getSize();
    }

    /** The line width written in the first trace row's style. */
    private double traceLineWidth() {
        var r = (io.fair_acc.chartfx.renderer.spi.AbstractRenderer<?>) window.views().plots().traces().chart().getRenderers().get(0);
        String st = r.getDatasets().get(0).getStyle();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-fx-line-width: ([0-9.]+)").matcher(st);
        assertTrue(m.find(), st);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void presentationModeEnlargesTextThickensLinesAndF11TogglesItAndTheDarkThemeDarkensThePlots() {
        openDemo();
        double label = fx(() -> fontOf("#cell-info"));
        double tick = fx(this::tickFont);
        double width = fx(this::traceLineWidth);
        FxRobot robot = new FxRobot();
        fx(() -> {
            stage.requestFocus();
            window.views().browser().tree().requestFocus();
            return null;
        });
        double plotsWidth = fx(() -> window.views().plots().getWidth());
        robot.type(KeyCode.F11);
        waitUntil("presentation on", () -> window.presentation().presentationProperty().get());
        waitUntil("side panes hidden, plots take the width", () -> !window.layout().rightTabs().isVisible()
                && window.views().plots().getWidth() > 1.3 * plotsWidth);
        assertTrue(fx(() -> stage.getScene().getRoot().getStyleClass().contains("presentation")));
        waitUntil("larger text", () -> fontOf("#cell-info") >= 1.3 * label && tickFont() >= 1.3 * tick);
        waitUntil("thicker lines", () -> Math.abs(traceLineWidth() - 2 * width) < 1e-9);
        robot.type(KeyCode.F11);
        waitUntil("presentation off", () -> !window.presentation().presentationProperty().get());
        waitUntil("side panes back", () -> window.layout().rightTabs().isVisible()
                && window.views().plots().getWidth() < 1.1 * plotsWidth);
        waitUntil("normal text again", () -> fontOf("#cell-info") == label && tickFont() == tick);
        waitUntil("normal lines again", () -> Math.abs(traceLineWidth() - width) < 1e-9);
        // Esc also leaves presentation mode
        fx(() -> {
            window.presentation().presentationProperty().set(true);
            return null;
        });
        robot.type(KeyCode.ESCAPE);
        waitUntil("Esc leaves", () -> !window.presentation().presentationProperty().get());

        waitUntil("the plots' background styled", () -> chartBackground() != null);
        javafx.scene.paint.Color light = fx(() -> chartBackground());
        fx(() -> {
            window.presentation().darkProperty().set(true);
            return null;
        });
        assertTrue(fx(() -> stage.getScene().getStylesheets().stream().anyMatch(u -> u.endsWith("/dark.css"))));
        waitUntil("dark plots", () -> chartBackground() != null && chartBackground().getBrightness() < 0.3);
        assertTrue(light.getBrightness() > 0.9, "light theme plots are white");
        // the Model tab's keys and values are light text on the dark column
        for (String cls : new String[] {".strf-key", ".strf-value", ".strf-method"}) {
            for (javafx.scene.Node n : fx(() -> List.copyOf(window.views().strfPane().lookupAll(cls)))) {
                fx(() -> {
                    n.applyCss();
                    return null;
                });
                javafx.scene.paint.Color c = (javafx.scene.paint.Color) fx(() -> ((javafx.scene.control.Labeled) n).getTextFill());
                assertTrue(c.getBrightness() > 0.6, cls + " text is readable on the dark theme: " + c);
            }
        }
        fx(() -> {
            window.presentation().darkProperty().set(false);
            return null;
        });
        waitUntil("light again", () -> chartBackground() != null && chartBackground().getBrightness() > 0.9);
    }

    /**
     * Where ChartFX draws the chart's y title, in scene coordinates: along the axis, centred on its
     * length, as long as the label's text (the label node itself is only ChartFX's style carrier).
     */
    private static Bounds yTitleBounds(XYChart c) {
        var y = (io.fair_acc.chartfx.axes.spi.AbstractAxis) c.getYAxis();
        Bounds axis = y.localToScene(y.getLayoutBounds());
        double length = y.getAxisLabel().getLayoutBounds().getWidth();
        return new javafx.geometry.BoundingBox(axis.getMinX(), axis.getCenterY() - length / 2, axis.getWidth(), length);
    }

    private java.util.Map<String, Double> chartHeights() {
        java.util.Map<String, Double> h = new java.util.TreeMap<>();
        plotCharts().forEach((n, c) -> h.put(n, c.getHeight()));
        return h;
    }

    /** The three plots' charts by name, for messages. */
    private java.util.Map<String, XYChart> plotCharts() {
        var p = window.views().plots();
        return java.util.Map.of("spectrogram", p.spectrogram().chart(), "repeats", p.traces().chart(),
                "response", p.response().chart());
    }

    /**
     * Empty when every plot's y title is drawn (the label holds the axis' name) inside its chart and
     * on its axis' canvas (ChartFX cuts it off beyond either); else what is not.
     */
    private String yTitlesOutsideTheirCharts() {
        StringBuilder out = new StringBuilder();
        plotCharts().forEach((name, c) -> {
            var y = (io.fair_acc.chartfx.axes.spi.AbstractAxis) c.getYAxis();
            Bounds chart = c.localToScene(c.getLayoutBounds());
            Bounds canvas = y.getCanvas().localToScene(y.getCanvas().getLayoutBounds());
            Bounds title = yTitleBounds(c);
            String drawn = y.getAxisLabel().getText();
            boolean onCanvas = canvas.getMinY() <= title.getMinY() && title.getMaxY() <= canvas.getMaxY();
            if (!y.getName().equals(drawn) || !chart.contains(title) || !onCanvas) {
                out.append(name).append(": '").append(drawn).append("' at y ").append(Math.round(title.getMinY())).append("..")
                        .append(Math.round(title.getMaxY())).append(" in a chart at y ").append(Math.round(chart.getMinY()))
                        .append("..").append(Math.round(chart.getMaxY())).append(", its axis' canvas at y ")
                        .append(Math.round(canvas.getMinY())).append("..").append(Math.round(canvas.getMaxY())).append("; ");
            }
        });
        return out.toString();
    }

    @Test
    void inPresentationModeEachPlotsYTitleLiesWithinItsChartShortenedWhereItsTextIsLongerThanThePlotIsHighAndLeavingItRestoresThePlots() {
        openDemo();
        double tick = fx(this::tickFont);
        String[] last = {""};
        try {
            waitUntil("the y titles inside their charts", () -> (last[0] = yTitlesOutsideTheirCharts()).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError("in normal mode, " + last[0], e);
        }
        String normalSpectrogramTitle = fx(() -> window.views().plots().spectrogram().chart().getYAxis().getName());
        java.util.Map<String, Double> normalHeights = fx(this::chartHeights);
        fx(() -> {
            window.presentation().presentationProperty().set(true);
            return null;
        });
        waitUntil("presentation fonts", () -> tickFont() >= 1.3 * tick);
        try {
            waitUntil("the y titles inside their charts", () -> (last[0] = yTitlesOutsideTheirCharts()).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError("in presentation mode, " + last[0], e);
        }
        // the verdict labels' margin grows with their font: each shows its whole text
        waitUntil("every verdict label whole at presentation size, in a margin grown with the font", () -> {
            var shown = stage.getScene().getRoot().lookupAll(".row-label").stream()
                    .map(javafx.scene.control.Label.class::cast).filter(l -> l.isVisible() && !l.getText().isEmpty()).toList();
            double font = shown.isEmpty() ? 0 : shown.get(0).getFont().getSize();
            return !shown.isEmpty() && shown.stream().allMatch(l -> l.getWidth() >= l.prefWidth(-1) - 0.5)
                    && window.views().plots().traces().labelMargin()
                    >= org.ac1explorer.ui.plots.TracesChart.LABEL_MARGIN * font / 11 - 0.5;
        });
        // the repeats title with its row spacing is longer than the repeats plot is high at 1280 x 800
        var traces = fx(() -> (io.fair_acc.chartfx.axes.spi.DefaultNumericAxis) window.views().plots().traces().chart().getYAxis());
        String full = fx(() -> org.ac1explorer.ui.plots.PlotStyle.titlesY(traces).get(0));
        assertTrue(full.contains("mV apart"), full);
        assertTrue(!fx(traces::getName).equals(full) && fx(traces::getName).startsWith("Vm (mV)"), fx(traces::getName));
        // leaving presentation mode gives the normal titles back
        fx(() -> {
            window.presentation().presentationProperty().set(false);
            return null;
        });
        waitUntil("normal fonts", () -> tickFont() == tick);
        waitUntil("the plots' normal heights again " + normalHeights, () -> chartHeights().equals(normalHeights));
        waitUntil("the spectrogram's normal title again",
                () -> normalSpectrogramTitle.equals(window.views().plots().spectrogram().chart().getYAxis().getName()));
        fx(() -> {
            window.presentation().presentationProperty().set(true);
            return null;
        });
        waitUntil("presentation fonts again", () -> tickFont() >= 1.3 * tick);

        // a cell-attached cell, its repeats superimposed: other, longer titles
        Selection pick = fx(() -> {
            for (var c : window.model().dataset().cells()) {
                if (c.isSpiking()) {
                    return new Selection(c, c.stimuli().get(0));
                }
            }
            return null;
        });
        assertNotNull(pick, "the demo has a cell-attached cell");
        fx(() -> {
            window.model().select(pick);
            ((javafx.scene.control.CheckBox) stage.getScene().lookup("#overlay-traces")).setSelected(true);
            return null;
        });
        waitUntil("the overlay of the cell-attached cell", () -> {
            var t = window.views().plots().traces().current();
            return window.model().selection().equals(pick) && t != null && t.layout().overlay()
                    && window.views().plots().response().chart().getYAxis().getName().contains("a.u.");
        });
        try {
            waitUntil("the y titles inside their charts", () -> (last[0] = yTitlesOutsideTheirCharts()).isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError("cell-attached, overlaid, in presentation mode: " + last[0], e);
        }
    }

    /** The traces chart's background colour, or null while a theme change has not been styled yet. */
    private javafx.scene.paint.Color chartBackground() {
        var bg = window.views().plots().traces().chart().getBackground();
        return bg == null || bg.getFills().isEmpty() ? null : (javafx.scene.paint.Color) bg.getFills().get(0).getFill();
    }

    @Test
    void theGuidedTourStepsThroughAWehrThenAnAsariCellWithTheKeysAndRestoresTheSelection() {
        openDemo();
        Selection before = fx(() -> window.model().selection());
        fx(() -> {
            window.views().plots().traces().rawProperty().set(false);
            return window.tour().start();
        });
        assertTrue(fx(() -> window.tour().isOpen() && window.tour().overlay().isVisible()));
        int n = fx(() -> window.tour().stopCount());
        List<String> titles = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        titles.add(fx(() -> window.tour().overlay().titleText()));
        cells.add(fx(() -> window.model().selection().cell().experimenter()));
        FxRobot robot = new FxRobot();
        fx(() -> {
            stage.requestFocus();
            return null;
        });
        boolean sawBaseline = false;
        for (int i = 1; i < n; i++) {
            robot.type(KeyCode.RIGHT);
            int want = i;
            waitUntil("stop " + i, () -> window.tour().indexProperty().get() == want);
            String title = fx(() -> window.tour().overlay().titleText());
            titles.add(title);
            cells.add(fx(() -> window.model().selection().cell().experimenter()));
            if (title.equals("A model of the cell")) {
                assertEquals(1, (int) fx(() -> window.layout().rightTabs().getSelectionModel().getSelectedIndex()),
                        "the Model tab is brought to the front");
            }
            if (title.equals("The MedGauss baseline")) {
                sawBaseline = fx(() -> window.views().plots().traces().rawProperty().get());
            }
            if (title.startsWith("Gating")) {
                waitUntilDrawn();
                waitUntil("the verdict counts in the callout",
                        () -> window.tour().overlay().bodyText().contains("For this cell and sound:"));
            }
        }
        for (String t : List.of("A Wehr cell", "The stimulus: spectrogram", "Repeats: membrane potential",
                "The MedGauss baseline", "Gating verdicts and their scores", "Binned response", "An Asari cell",
                "The knobs", "A model of the cell")) {
            assertTrue(titles.contains(t), t + " in " + titles);
        }
        assertTrue(sawBaseline, "the baseline stop shows raw traces with their baseline");
        int firstAsari = cells.indexOf("asari");
        assertTrue(firstAsari > titles.indexOf("Binned response"), "the Asari cell comes after the Wehr panels: " + cells);
        assertTrue(cells.subList(0, firstAsari).stream().allMatch("wehr"::equals), cells.toString());
        assertEquals(titles.indexOf("An Asari cell"), firstAsari);

        robot.type(KeyCode.LEFT);
        waitUntil("back one stop", () -> window.tour().indexProperty().get() == n - 2);
        fx(() -> {
            ((javafx.scene.control.Button) window.stage().getScene().lookup("#tour-next")).fire();
            return null;
        });
        assertEquals(n - 1, (int) fx(() -> window.tour().indexProperty().get()), "Next button");
        robot.type(KeyCode.ESCAPE);
        waitUntil("closed", () -> !window.tour().isOpen());
        assertFalse(fx(() -> window.tour().overlay().isVisible()));
        assertEquals(before, fx(() -> window.model().selection()), "the user's selection is back");
        assertFalse(fx(() -> window.views().plots().traces().rawProperty().get()), "the user's trace mode is back");
    }

    @Test
    void noTourCardCoversThePanelItExplains() {
        openDemo();
        fx(() -> window.tour().start());
        int n = fx(() -> window.tour().stopCount());
        for (int i = 0; i < n; i++) {
            int want = i;
            if (i > 0) {
                fx(() -> {
                    window.tour().next();
                    return null;
                });
            }
            waitUntil("stop " + i, () -> window.tour().indexProperty().get() == want);
            waitUntil("stop " + i + " laid out", () -> {
                window.tour().overlay().layout();
                return window.tour().overlay().targetAndCallout() != null;
            });
            javafx.geometry.Bounds[] b = fx(() -> {
                window.tour().overlay().layout();
                return window.tour().overlay().targetAndCallout();
            });
            String title = fx(() -> window.tour().overlay().titleText());
            double w = fx(() -> window.tour().overlay().getWidth());
            double h = fx(() -> window.tour().overlay().getHeight());
            boolean roomSomewhere = b[0].getMinX() > b[1].getWidth() + 28 || w - b[0].getMaxX() > b[1].getWidth() + 28
                    || b[0].getMinY() > b[1].getHeight() + 28 || h - b[0].getMaxY() > b[1].getHeight() + 28;
            if (roomSomewhere) {
                assertFalse(b[0].intersects(b[1]), "\"" + title + "\": card " + b[1] + " over its panel " + b[0]);
            }
        }
        fx(() -> {
            window.tour().close();
            return null;
        });
    }

    @Test
    void theThreePlotsSaveAsOneFigureSizedInCentimetresWithTextAsText() throws Exception {
        openDemo();
        List<XYChart> all = fx(this::charts);
        Path svg = tmp.resolve("figure.svg");
        Path png = tmp.resolve("figure.png");
        fx(() -> {
            FigureExport.saveSheet(new FigureExport.SheetRequest(all, "Cell 1 & its sound", 17, 300,
                    FigureExport.Format.SVG), svg);
            FigureExport.saveSheet(new FigureExport.SheetRequest(all.subList(1, 3), "Two panels", 8.5, 600,
                    FigureExport.Format.PNG), png);
            return null;
        });
        if (System.getProperty("ac1.keepFigures") != null) {
            Path keep = Files.createDirectories(Path.of(System.getProperty("ac1.keepFigures")));
            Files.copy(svg, keep.resolve(svg.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.copy(png, keep.resolve(png.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        String text = Files.readString(svg);
        assertTrue(text.contains("width=\"17cm\""), text.substring(0, 400));
        assertTrue(text.contains(">Cell 1 &amp; its sound</text>"), "the title is text");
        assertTrue(text.contains(">Time (s)</text>") && text.contains(">Frequency (kHz)</text>"), "axis titles are text");
        for (int k = 1; k <= 3; k++) {
            assertTrue(text.contains("id=\"plot-area-" + k + "\""), "panel " + k + " has its own clip");
        }
        javafx.scene.image.Image image = new javafx.scene.image.Image(png.toUri().toString());
        assertEquals(Math.round(8.5 / 2.54 * 600), Math.round(image.getWidth()), 1, "8.5 cm at 600 dpi");
        assertThrows(IllegalArgumentException.class, () -> new FigureExport.SheetRequest(all, "x", 1, 300,
                FigureExport.Format.PNG), "1 cm is refused");
        assertThrows(IllegalArgumentException.class, () -> new FigureExport.SheetRequest(List.of(), "x", 10, 300,
                FigureExport.Format.PNG), "no panel is refused");
    }
}
