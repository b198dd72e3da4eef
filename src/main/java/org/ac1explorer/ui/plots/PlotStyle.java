package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.util.List;
import java.util.function.DoubleSupplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The one plot style: axes named with their units ("Time (s)"), no metric auto-prefixes, no
 * animation, no legend box (legends are drawn by the views), x-only zoom (drag a box, wheel; pan
 * with the middle button; right click fits). Colours and fonts are in plots.css.
 */
public final class PlotStyle {
    public static final String TIME_AXIS = "Time (s)";
    private static final javafx.beans.property.DoubleProperty LINE_SCALE =
            new javafx.beans.property.SimpleDoubleProperty(PlotStyle.class, "lineScale", 1);

    private PlotStyle() {
    }

    /**
     * Fills a plot block: the header row above the chart, and the message label centred over the
     * chart, hidden until a plot has something to say instead of data.
     */
    public static void stackBlock(VBox block, HBox head, Node chart, Label message) {
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("plot-header");
        message.getStyleClass().add("plot-message");
        message.setVisible(false);
        message.setMouseTransparent(true);
        StackPane body = new StackPane(chart, message);
        VBox.setVgrow(body, Priority.ALWAYS);
        block.getChildren().addAll(head, body);
    }

    /** Puts the axis' major ticks at whole multiples of {@code step} (the first not finer than the axis would choose). */
    public static void ticksInSteps(DefaultNumericAxis axis, DoubleSupplier step) {
        axis.getAxisLabelFormatter().setTickUnitSupplier(raw -> {
            double s = step.getAsDouble();
            if (!(s > 0)) {
                return raw;
            }
            double u = s;
            while (u < raw) {
                u += s;
            }
            return u;
        });
    }

    public static DefaultNumericAxis axis(String nameWithUnit) {
        DefaultNumericAxis a = new DefaultNumericAxis(nameWithUnit);
        a.setUnit(null);
        a.setAutoUnitScaling(false);
        a.setAnimated(false);
        a.setMinorTickCount(0);
        a.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double u = a.getTickUnit();
                int d = u > 0 && Double.isFinite(u) ? Math.max(0, (int) Math.ceil(-Math.log10(u) - 1e-9)) : 2;
                if (u > 0 && Math.abs(u * Math.pow(10, d) - Math.rint(u * Math.pow(10, d))) > 1e-6) {
                    d++;
                }
                return org.ac1explorer.ui.common.Formats.num(n.doubleValue(), Math.min(d, 6));
            }

            @Override
            public Number fromString(String s) {
                return Double.valueOf(s);
            }
        });
        return a;
    }

    public static XYChart chart(DefaultNumericAxis x, DefaultNumericAxis y, String styleClass) {
        return chart(x, y, styleClass, () -> {
        });
    }

    /**
     * A chart that calls {@code afterLayout} after each of its redraws (when its axes have their
     * new ranges and transforms), to place overlays in pixel coordinates.
     */
    public static XYChart chart(DefaultNumericAxis x, DefaultNumericAxis y, String styleClass, Runnable afterLayout) {
        HookedChart c = new HookedChart(x, y);
        c.afterLayout(afterLayout);
        c.getStyleClass().addAll("ac1-chart", styleClass);
        c.getStylesheets().add(PlotStyle.class.getResource("plots.css").toExternalForm());
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.getRenderers().clear();
        Zoomer z = new BarlessZoomer();
        z.setSliderVisible(false);
        z.setAutoZoomEnabled(false);
        z.setUpdateTickUnit(false);
        z.setZoomOutMouseFilter(e -> false);
        z.setPannerEnabled(true);
        c.getPlugins().add(z);
        c.getToolBar().setVisible(false);
        c.getToolBar().setManaged(false);
        // tall enough for the y axis' full title (rotated along the plot area), whatever its font size
        Runnable room = () -> c.setMinHeight(Math.min(MAX_MIN_HEIGHT,
                Math.max(90, Math.ceil(textWidth(titlesY(y).get(0), y.getAxisLabel().getFont())) + 64)));
        y.getProperties().put(TITLE_ROOM, room);
        y.nameProperty().addListener((o, a, b) -> room.run());
        // ChartFX draws the title centred along the plot area and clips its ends: where the full title
        // is longer than the plot is high (presentation fonts, a short window), a shorter one
        Runnable fit = () -> fitTitleY(c, y);
        y.getProperties().put(TITLE_FIT, fit);
        y.getAxisLabel().fontProperty().addListener((o, a, b) -> {
            room.run();
            fit.run();
        });
        y.heightProperty().addListener((o, a, b) -> fit.run());
        y.layoutYProperty().addListener((o, a, b) -> fit.run());
        c.heightProperty().addListener((o, a, b) -> fit.run());
        room.run();
        return c;
    }

    /**
     * ChartFX's zoomer on the time axis without its bar of zoom buttons: the charts' tool bar is never
     * shown, and the buttons' icon font took a twentieth of the JavaFX thread's work before the first frame.
     */
    private static final class BarlessZoomer extends Zoomer {
        BarlessZoomer() {
            super(AxisMode.X, false);
        }

        @Override
        public javafx.scene.layout.HBox getZoomInteractorBar() {
            return new javafx.scene.layout.HBox();
        }
    }

    /** A chart never asks for more than this (px): three stacked plots must still fit a laptop screen. */
    private static final double MAX_MIN_HEIGHT = 180;
    /** Key of the chart's min-height rule for its y title in the y axis' properties. */
    private static final String TITLE_ROOM = "ac1.titleRoom";
    /** Key of the chart's title fitting for its y axis in the y axis' properties. */
    private static final String TITLE_FIT = "ac1.titleFit";
    /** Key of a y axis' title choices (a {@code List<String>}, longest first) in its properties. */
    private static final String TITLES = "ac1.titles";
    /** Space kept free between the y title's ends and the plot area's top and bottom, px. */
    private static final double TITLE_END_GAP = 2;

    /**
     * Titles the y axis of a chart made by {@link #chart}: the first of {@code longestFirst} whose text
     * fits along the plot area's height, else the last (so each shorter one should keep the unit, e.g.
     * "Frequency (kHz)", "kHz"). The chart asks for the height the first needs. Use on the JavaFX thread.
     */
    public static void titleY(DefaultNumericAxis y, String... longestFirst) {
        if (longestFirst.length == 0) {
            throw new IllegalArgumentException("no title");
        }
        List<String> titles = java.util.Arrays.stream(longestFirst).distinct().toList();
        if (titles.equals(y.getProperties().get(TITLES))) {
            return;
        }
        y.getProperties().put(TITLES, titles);
        if (y.getProperties().get(TITLE_ROOM) instanceof Runnable room) {
            room.run();
        }
        if (y.getProperties().get(TITLE_FIT) instanceof Runnable fit) {
            fit.run();
        }
    }

    /** The y axis' title choices, longest first (its name when {@link #titleY} was not used). */
    @SuppressWarnings("unchecked")
    public static List<String> titlesY(DefaultNumericAxis y) {
        Object t = y.getProperties().get(TITLES);
        return t instanceof List<?> l ? (List<String>) l : List.of(y.getName() == null ? "" : y.getName());
    }

    /** Shows the longest title choice that fits in the room {@link #titleRoom} gives it. */
    private static void fitTitleY(XYChart c, DefaultNumericAxis y) {
        List<String> titles = titlesY(y);
        double room = titleRoom(c, y);
        String chosen = titles.get(0);
        if (room > 0) {
            chosen = titles.get(titles.size() - 1);
            for (String t : titles) {
                if (textWidth(t, y.getAxisLabel().getFont()) <= room - 2 * TITLE_END_GAP) {
                    chosen = t;
                    break;
                }
            }
        }
        if (!chosen.equals(y.getName())) {
            y.setName(chosen);
        }
    }

    /**
     * Length the y title may have (px; 0 before the chart is laid out): ChartFX centres it on the
     * axis and draws it on the axis' canvas, which reaches past the axis' ends by its padding; beyond
     * that, and beyond the chart's top or bottom, it is cut off.
     */
    private static double titleRoom(XYChart c, DefaultNumericAxis y) {
        if (y.getHeight() <= 0 || y.getScene() == null || y.getScene() != c.getScene()) {
            return 0;
        }
        javafx.geometry.Bounds a = c.sceneToLocal(y.localToScene(y.getLayoutBounds()));
        double centre = (a.getMinY() + a.getMaxY()) / 2;
        javafx.geometry.Bounds chart = c.getLayoutBounds();
        double half = Math.min(a.getHeight() / 2 + y.getAxisPadding(),
                Math.min(centre - chart.getMinY(), chart.getMaxY() - centre));
        return 2 * Math.max(0, half);
    }

    private static double textWidth(String text, javafx.scene.text.Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text == null ? "" : text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** An XYChart that runs hooks after each redraw (axes then have their current ranges and transforms). */
    public static final class HookedChart extends XYChart {
        private final java.util.List<Runnable> hooks = new java.util.ArrayList<>();

        HookedChart(DefaultNumericAxis x, DefaultNumericAxis y) {
            super(x, y);
            // ChartFX slides its tool bar in on hover over the chart's top edge, where it covers the data
            // and takes the clicks (a short heatmap's rows); the keys and menus do its work here
            menuPane.setTop(null);
            menuPane.setTriggerDistance(0);
        }

        public void afterLayout(Runnable r) {
            hooks.add(r);
        }

        @Override
        protected void runPostLayout() {
            boolean redraw = getBitState().isDirty();
            super.runPostLayout();
            if (redraw) {
                hooks.forEach(Runnable::run);
            }
        }
    }

    /** A renderer drawing each dataset as a plain polyline, no markers, no reduction (data come pre-reduced). */
    public static ErrorDataSetRenderer lines() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setDrawMarker(false);
        r.setDrawBars(false);
        r.setPointReduction(false);
        r.setAllowNaNs(true);
        return r;
    }

    /** A renderer drawing markers only (spikes). */
    public static ErrorDataSetRenderer markers() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NONE);
        r.setDrawMarker(true);
        r.setDrawBars(false);
        r.setPointReduction(false);
        return r;
    }

    /** Inline ChartFX dataset style for a line ({@code width} times the {@linkplain #lineScaleProperty() line scale}). */
    public static String line(String color, double width) {
        return "-fx-line-color: " + color + "; -fx-line-width: " + width * LINE_SCALE.get() + "; -fx-marker-size: 0;";
    }

    /**
     * Factor applied to every data line's width (1; presentation mode thickens lines). Application-wide
     * (the explorer has one window); the plots redraw when it changes. Use on the JavaFX thread.
     */
    public static javafx.beans.property.DoubleProperty lineScaleProperty() {
        return LINE_SCALE;
    }
}
