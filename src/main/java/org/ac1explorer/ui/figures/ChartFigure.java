package org.ac1explorer.ui.figures;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.AbstractAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.spi.AbstractRenderer;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.chartfx.ui.css.DataSetNode;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.GridDataSet;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.text.Font;
import org.ac1explorer.ui.plots.FigureParts;

/**
 * Reads what a ChartFX {@link XYChart} shows into a {@link Figure}, from the chart's own state
 * rather than its pixels: the axes (line, ticks, tick labels, name, as laid out on screen), the
 * grid at the major ticks, every line data set of the visible range with its resolved colour and
 * width, heatmaps as images of their grid cells coloured with the renderer's gradient and z range,
 * and the JavaFX overlays (colour bar, polygons, lines, labels), also those a view lays beside
 * the plot area ({@link FigureParts#outerLayer}), and the legend a view gives its figures
 * ({@link FigureParts#legend}), in a band above the chart. The mouse cursor and playback cursor
 * are left out. Call on the JavaFX thread.
 */
public final class ChartFigure {
    /** Style classes of overlay nodes that are interaction aids, not part of a figure. */
    private static final List<String> SKIPPED = List.of("time-cursor", "playhead", "chart-zoom-rect", "chart-select-rect");
    private static final Color GRID = Color.web("#e3e6ea");
    private static final Color INK = Color.web("#222222");

    private final XYChart chart;
    private final Figure figure;
    private final Bounds plot;
    /** On a dark theme: figures are still printed on white, so light greys become dark ones. */
    private final boolean dark;

    /** Font of legend texts. */
    private static final Font LEGEND_FONT = Font.font(Font.getDefault().getFamily(), 11);
    /** Height of a legend line, px; the length of a legend's line sample and the gaps beside it. */
    private static final double LEGEND_ROW = 16;
    private static final double SAMPLE = 18;
    private static final double SAMPLE_GAP = 5;
    private static final double ENTRY_GAP = 14;

    /** The legend's entries with their places: x (px, chart coordinates) and line (0 = top). */
    private record PlacedEntry(FigureParts.LegendEntry entry, double x, int line) {
    }

    private final List<PlacedEntry> legend;
    /** Height of the legend band above the chart, px: everything of the chart is moved down by it. */
    private final double legendBand;

    private ChartFigure(XYChart chart) {
        this.chart = chart;
        Canvas c = chart.getCanvas();
        Bounds screenPlot = chart.sceneToLocal(c.localToScene(c.getLayoutBounds()));
        this.legend = placeLegend(FigureParts.legend(chart), screenPlot.getMinX(), screenPlot.getMaxX());
        this.legendBand = legend.isEmpty() ? 0 : (legend.get(legend.size() - 1).line() + 1) * LEGEND_ROW + 6;
        this.plot = toChart(c, c.getLayoutBounds());
        this.figure = new Figure(chart.getWidth(), chart.getHeight() + legendBand, plot);
        this.dark = chart.getScene() != null && chart.getScene().getRoot().getStyleClass().contains("dark");
    }

    /** Lays the entries out left to right from {@code left}, a new line where one would pass {@code right}. */
    private static List<PlacedEntry> placeLegend(List<FigureParts.LegendEntry> entries, double left, double right) {
        List<PlacedEntry> out = new ArrayList<>();
        double x = left;
        int line = 0;
        for (FigureParts.LegendEntry e : entries) {
            double w = SAMPLE + SAMPLE_GAP + Figure.measure(e.text(), LEGEND_FONT);
            if (x > left && x + w > right) {
                line++;
                x = left;
            }
            out.add(new PlacedEntry(e, x, line));
            x += w + ENTRY_GAP;
        }
        return out;
    }

    /** A colour as printed on white: on a dark theme, light greys (ink, baselines, scale bars) turn dark. */
    private Color paper(Color c) {
        if (!dark || c.getSaturation() > 0.2 || c.getBrightness() < 0.55) {
            return c;
        }
        double v = Math.max(0.1, 1 - c.getBrightness());
        return Color.hsb(c.getHue(), c.getSaturation(), v, c.getOpacity());
    }

    /** The figure of {@code chart} as it is currently laid out. */
    public static Figure of(XYChart chart) {
        ChartFigure f = new ChartFigure(chart);
        f.build();
        f.crop(8);
        return f.figure;
    }

    private void build() {
        figure.add(new Figure.Fill(Figure.rect(0, 0, figure.width(), figure.height()), Color.WHITE, false));
        Paint bg = background(chart.getPlotBackground());
        if (bg instanceof Color c && dark && c.getBrightness() < 0.5) {
            bg = null; // a dark plot area is left white on paper
        }
        if (bg != null) {
            figure.add(new Figure.Fill(Figure.rect(plot.getMinX(), plot.getMinY(), plot.getWidth(), plot.getHeight()), bg,
                    false));
        }
        // heatmaps first, then the grid over them as on screen, then overlays behind the data, then lines
        for (Renderer r : chart.getRenderers()) {
            if (r instanceof ContourDataSetRenderer cr) {
                heatmaps(cr);
            }
        }
        if (chart.getRenderers().stream().noneMatch(r -> r instanceof ContourDataSetRenderer)) {
            grid(); // not over a heatmap
        }
        overlays(chart.getPlotBackground());
        for (Renderer r : chart.getRenderers()) {
            if (!(r instanceof ContourDataSetRenderer) && r instanceof AbstractRenderer<?> ar) {
                lines(ar);
            }
        }
        overlays(chart.getCanvasForeground());
        Parent outer = FigureParts.outerLayer(chart);
        if (outer != null && outer.isVisible()) {
            overlays(outer); // the repeats' verdict labels and scale bar, beside the plot area
        }
        for (Axis a : chart.getAxes()) {
            if (a instanceof AbstractAxis ax && ax.isVisible() && ax.getScene() != null) {
                axis(ax);
            }
        }
        colourBars(chart);
        legend();
    }

    /** The legend in its band above the plot area: a line sample (or a filled box) and the text of each entry. */
    private void legend() {
        for (PlacedEntry p : legend) {
            FigureParts.LegendEntry e = p.entry();
            double y = 3 + p.line() * LEGEND_ROW + LEGEND_ROW / 2;
            Color c = paper(e.colour());
            if (e.swatch()) {
                figure.add(new Figure.Fill(Figure.rect(p.x(), y - 4.5, SAMPLE, 9), c, false));
            } else {
                figure.add(new Figure.Stroke(new double[] {p.x(), y, p.x() + SAMPLE, y}, c,
                        Math.max(1.5, Math.min(3, e.width() * 1.5)), null, false));
            }
            figure.add(new Figure.Label(p.x() + SAMPLE + SAMPLE_GAP, y, e.text(), LEGEND_FONT, paper(INK), HPos.LEFT, 0));
        }
    }

    // --- geometry ---

    /** Crops the figure to its drawn content plus {@code margin} (drops the chart's empty padding). */
    private void crop(double margin) {
        double x0 = plot.getMinX();
        double y0 = plot.getMinY();
        double x1 = plot.getMaxX();
        double y1 = plot.getMaxY();
        for (Figure.Item i : figure.items()) {
            if (i instanceof Figure.Label l) {
                double w = l.width();
                double h = l.font().getSize() * 1.2;
                boolean turned = Math.abs(Math.abs(l.rotate()) - 90) < 1;
                double along = turned ? h : w;
                double across = turned ? w : h;
                double left = switch (l.align()) {
                    case LEFT -> l.x();
                    case CENTER -> l.x() - along / 2;
                    case RIGHT -> l.x() - along;
                };
                if (turned) {
                    x0 = Math.min(x0, l.x() - along / 2);
                    x1 = Math.max(x1, l.x() + along / 2);
                    y0 = Math.min(y0, l.y() - across / 2);
                    y1 = Math.max(y1, l.y() + across / 2);
                } else {
                    x0 = Math.min(x0, left);
                    x1 = Math.max(x1, left + along);
                    y0 = Math.min(y0, l.y() - across / 2);
                    y1 = Math.max(y1, l.y() + across / 2);
                }
            } else if (i instanceof Figure.Fill f && f.paint() instanceof javafx.scene.paint.LinearGradient) {
                for (int k = 0; k + 1 < f.xy().length; k += 2) {
                    x0 = Math.min(x0, f.xy()[k]);
                    x1 = Math.max(x1, f.xy()[k]);
                    y0 = Math.min(y0, f.xy()[k + 1]);
                    y1 = Math.max(y1, f.xy()[k + 1]);
                }
            } else if (i instanceof Figure.Stroke s && !s.clipped()) {
                for (int k = 0; k + 1 < s.xy().length; k += 2) {
                    if (Double.isFinite(s.xy()[k]) && Double.isFinite(s.xy()[k + 1])) {
                        x0 = Math.min(x0, s.xy()[k]);
                        x1 = Math.max(x1, s.xy()[k]);
                        y0 = Math.min(y0, s.xy()[k + 1]);
                        y1 = Math.max(y1, s.xy()[k + 1]);
                    }
                }
            }
        }
        x0 = Math.max(0, Math.floor(x0 - margin));
        y0 = Math.max(0, Math.floor(y0 - margin));
        x1 = Math.min(figure.width(), Math.ceil(x1 + margin));
        y1 = Math.min(figure.height(), Math.ceil(y1 + margin));
        if (x1 > x0 && y1 > y0) {
            figure.setView(new BoundingBox(x0, y0, x1 - x0, y1 - y0));
        }
    }

    /** {@code local} bounds of {@code n} in the figure: the chart's coordinates, below the legend band. */
    private Bounds toChart(Node n, Bounds local) {
        Bounds b = chart.sceneToLocal(n.localToScene(local));
        return new BoundingBox(b.getMinX(), b.getMinY() + legendBand, b.getWidth(), b.getHeight());
    }

    private Point2D toChart(Node n, double x, double y) {
        Point2D p = chart.sceneToLocal(n.localToScene(x, y));
        return new Point2D(p.getX(), p.getY() + legendBand);
    }

    private Axis xAxis(AbstractRenderer<?> r) {
        for (Axis a : r.getAxes()) {
            if (a.getSide() != null && a.getSide().isHorizontal()) {
                return a;
            }
        }
        return chart.getXAxis();
    }

    private Axis yAxis(AbstractRenderer<?> r) {
        for (Axis a : r.getAxes()) {
            if (a.getSide() != null && a.getSide().isVertical()) {
                return a;
            }
        }
        return chart.getYAxis();
    }

    // --- content ---

    private void grid() {
        Axis x = chart.getXAxis();
        Axis y = chart.getYAxis();
        for (TickMark t : x.getTickMarks()) {
            double px = plot.getMinX() + x.getDisplayPosition(t.getValue());
            if (px >= plot.getMinX() && px <= plot.getMaxX()) {
                figure.add(new Figure.Stroke(new double[] {px, plot.getMinY(), px, plot.getMaxY()}, GRID, 0.6, null, true));
            }
        }
        for (TickMark t : y.getTickMarks()) {
            double py = plot.getMinY() + y.getDisplayPosition(t.getValue());
            if (py >= plot.getMinY() && py <= plot.getMaxY()) {
                figure.add(new Figure.Stroke(new double[] {plot.getMinX(), py, plot.getMaxX(), py}, GRID, 0.6, null, true));
            }
        }
    }

    private void lines(AbstractRenderer<?> r) {
        Axis xa = xAxis(r);
        Axis ya = yAxis(r);
        double lo = Math.min(xa.getMin(), xa.getMax());
        double hi = Math.max(xa.getMin(), xa.getMax());
        for (DataSetNode node : r.getDatasetNodes()) {
            if (!node.isVisible()) {
                continue;
            }
            DataSet d = node.getDataSet();
            Paint p = node.getLineColor();
            Color colour = paper(p instanceof Color c ? c : INK);
            double width = node.getLineWidth() > 0 ? node.getLineWidth() : 1;
            d.lock().readLock();
            try {
                int n = d.getDataCount();
                if (n == 0) {
                    continue;
                }
                List<Double> xy = new ArrayList<>();
                boolean prevOut = true;
                for (int i = 0; i < n; i++) {
                    double xv = d.get(DataSet.DIM_X, i);
                    double yv = d.get(DataSet.DIM_Y, i);
                    boolean out = xv < lo || xv > hi;
                    boolean nextIn = i + 1 < n && d.get(DataSet.DIM_X, i + 1) >= lo && d.get(DataSet.DIM_X, i + 1) <= hi;
                    if (out && prevOut && !nextIn) {
                        prevOut = out;
                        continue; // far outside the visible range
                    }
                    prevOut = out;
                    if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                        xy.add(Double.NaN);
                        xy.add(Double.NaN);
                        continue;
                    }
                    xy.add(plot.getMinX() + xa.getDisplayPosition(xv));
                    xy.add(plot.getMinY() + ya.getDisplayPosition(yv));
                }
                double[] a = new double[xy.size()];
                for (int i = 0; i < a.length; i++) {
                    a[i] = xy.get(i);
                }
                figure.add(new Figure.Stroke(a, colour, width, null, true));
            } finally {
                d.lock().readUnLock();
            }
        }
    }

    private void heatmaps(ContourDataSetRenderer r) {
        Axis xa = xAxis(r);
        Axis ya = yAxis(r);
        Axis za = null;
        for (Axis a : r.getAxes()) {
            if (a != xa && a != ya) {
                za = a;
            }
        }
        ColorGradient g = r.getColorGradient();
        for (DataSet ds : r.getDatasets()) {
            if (!(ds instanceof GridDataSet grid) || grid.getNGrid() < 2) {
                continue;
            }
            ds.lock().readLock();
            try {
                int nx = grid.getShape(0);
                int ny = grid.getShape(1);
                if (nx < 1 || ny < 1) {
                    continue;
                }
                double zlo = za != null ? za.getMin() : Double.NaN;
                double zhi = za != null ? za.getMax() : Double.NaN;
                if (!(zhi > zlo)) {
                    zlo = Double.POSITIVE_INFINITY;
                    zhi = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < nx; i++) {
                        for (int j = 0; j < ny; j++) {
                            double v = grid.get(DataSet.DIM_Z, i, j);
                            if (Double.isFinite(v)) {
                                zlo = Math.min(zlo, v);
                                zhi = Math.max(zhi, v);
                            }
                        }
                    }
                    if (!(zhi > zlo)) {
                        zhi = zlo + 1;
                    }
                }
                double xmin = Math.min(xa.getMin(), xa.getMax());
                double xmax = Math.max(xa.getMin(), xa.getMax());
                // the visible columns; each cell spans half the distance to its neighbours
                int i0 = 0;
                int i1 = nx - 1;
                while (i0 < nx - 1 && edge(grid, 0, i0, nx, +1) < xmin) {
                    i0++;
                }
                while (i1 > i0 && edge(grid, 0, i1, nx, -1) > xmax) {
                    i1--;
                }
                int cols = i1 - i0 + 1;
                int[] argb = new int[cols * ny];
                for (int j = 0; j < ny; j++) {
                    int row = ny - 1 - j; // highest band at the top
                    for (int i = i0; i <= i1; i++) {
                        double v = grid.get(DataSet.DIM_Z, i, j);
                        argb[row * cols + (i - i0)] = Double.isNaN(v) ? 0 : argb(g.getColor(clamp01((v - zlo) / (zhi - zlo))));
                    }
                }
                double left = plot.getMinX() + xa.getDisplayPosition(edge(grid, 0, i0, nx, -1));
                double right = plot.getMinX() + xa.getDisplayPosition(edge(grid, 0, i1, nx, +1));
                double top = plot.getMinY() + ya.getDisplayPosition(edge(grid, 1, ny - 1, ny, +1));
                double bottom = plot.getMinY() + ya.getDisplayPosition(edge(grid, 1, 0, ny, -1));
                figure.add(new Figure.Bitmap(Math.min(left, right), Math.min(top, bottom), Math.abs(right - left),
                        Math.abs(bottom - top), cols, ny, argb, true));
            } finally {
                ds.lock().readUnLock();
            }
        }
    }

    /** The outer edge of grid cell {@code i} along dimension {@code dim}: half-way to its neighbour on side {@code dir}. */
    private static double edge(GridDataSet g, int dim, int i, int n, int dir) {
        double v = g.getGrid(dim, i);
        if (n == 1) {
            return v + 0.5 * dir;
        }
        int k = i + dir;
        double step = k >= 0 && k < n ? g.getGrid(dim, k) - v : v - g.getGrid(dim, i - dir);
        return v + 0.5 * step;
    }

    private static double clamp01(double v) {
        return v < 0 ? 0 : v > 1 ? 1 : v;
    }

    static int argb(Color c) {
        int a = (int) Math.round(c.getOpacity() * 255);
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return (a << 24) | (r << 16) | (g << 8) | b;
    }

    private void axis(AbstractAxis a) {
        Bounds b = toChart(a, a.getLayoutBounds());
        Side side = a.getSide();
        if (side == null) {
            return;
        }
        Color ink = paper(colourOf(a.getTickLabelStyle().getFill(), INK));
        Font tickFont = a.getTickLabelStyle().getFont();
        Font nameFont = a.getAxisLabel().getFont();
        Color nameInk = paper(colourOf(a.getAxisLabel().getFill(), INK));
        Color tickInk = dark ? Color.web("#c3c3c3") : colourOf(a.getMajorTickStyle().getStroke(), Color.web("#c3c3c3"));
        double tickW = a.getMajorTickStyle().getStrokeWidth() > 0 ? a.getMajorTickStyle().getStrokeWidth() : 1;
        double len = a.getTickLength();
        double gap = a.getTickLabelGap();
        boolean colourBar = !side.isHorizontal() && a != chart.getYAxis() && side == Side.RIGHT;
        double labelExtent = 0;
        for (TickMark t : a.getTickMarks()) {
            if (!t.isVisible() || t.getText() == null || t.getText().isEmpty()) {
                continue;
            }
            double pos = t.getPosition();
            switch (side) {
                case BOTTOM, CENTER_HOR -> {
                    double x = b.getMinX() + pos;
                    figure.add(new Figure.Stroke(new double[] {x, b.getMinY(), x, b.getMinY() + len}, tickInk, tickW, null,
                            false));
                    figure.add(new Figure.Label(x, b.getMinY() + len + gap + tickFont.getSize() * 0.6, t.getText(), tickFont,
                            ink, HPos.CENTER, 0));
                    labelExtent = Math.max(labelExtent, tickFont.getSize() * 1.2);
                }
                case TOP -> {
                    double x = b.getMinX() + pos;
                    figure.add(new Figure.Stroke(new double[] {x, b.getMaxY(), x, b.getMaxY() - len}, tickInk, tickW, null,
                            false));
                    figure.add(new Figure.Label(x, b.getMaxY() - len - gap - tickFont.getSize() * 0.6, t.getText(), tickFont,
                            ink, HPos.CENTER, 0));
                }
                case LEFT, CENTER_VER -> {
                    double y = b.getMinY() + pos;
                    figure.add(new Figure.Stroke(new double[] {b.getMaxX(), y, b.getMaxX() - len, y}, tickInk, tickW, null,
                            false));
                    figure.add(new Figure.Label(b.getMaxX() - len - gap, y, t.getText(), tickFont, ink, HPos.RIGHT, 0));
                    labelExtent = Math.max(labelExtent, textWidth(t.getText(), tickFont));
                }
                case RIGHT -> {
                    double y = b.getMinY() + pos;
                    double x0 = colourBar ? barRight(b) : b.getMinX();
                    figure.add(new Figure.Stroke(new double[] {x0, y, x0 + len, y}, tickInk, tickW, null, false));
                    figure.add(new Figure.Label(x0 + len + gap, y, t.getText(), tickFont, ink, HPos.LEFT, 0));
                    labelExtent = Math.max(labelExtent, textWidth(t.getText(), tickFont));
                }
                default -> {
                }
            }
        }
        String name = a.getName();
        if (name == null || name.isEmpty()) {
            return;
        }
        double half = nameFont.getSize() * 0.6;
        switch (side) {
            case BOTTOM, CENTER_HOR -> figure.add(new Figure.Label(b.getMinX() + b.getWidth() / 2,
                    Math.min(b.getMaxY() - half, b.getMinY() + len + gap + labelExtent + a.getAxisLabelGap() + half), name,
                    nameFont, nameInk, HPos.CENTER, 0));
            case TOP -> figure.add(new Figure.Label(b.getMinX() + b.getWidth() / 2, b.getMinY() + half, name, nameFont,
                    nameInk, HPos.CENTER, 0));
            case LEFT, CENTER_VER -> figure.add(new Figure.Label(
                    Math.max(b.getMinX() + half, b.getMaxX() - len - gap - labelExtent - a.getAxisLabelGap() - half),
                    b.getMinY() + b.getHeight() / 2, name, nameFont, nameInk, HPos.CENTER, -90));
            case RIGHT -> {
                double x0 = colourBar ? barRight(b) : b.getMinX();
                figure.add(new Figure.Label(Math.min(b.getMaxX() - half, x0 + len + gap + labelExtent + a.getAxisLabelGap()
                        + half), b.getMinY() + b.getHeight() / 2, name, nameFont, nameInk, HPos.CENTER, -90));
            }
            default -> {
            }
        }
    }

    /** Right edge of a colour-gradient bar drawn at the left of a z axis (none: the axis's left edge). */
    private double barRight(Bounds axis) {
        double right = axis.getMinX();
        for (Rectangle r : gradientBars(chart)) {
            Bounds rb = toChart(r, r.getLayoutBounds());
            if (rb.getMinX() <= axis.getMinX() + 2 && rb.getMaxX() > right && rb.getMaxX() < axis.getMaxX()) {
                right = rb.getMaxX();
            }
        }
        return right;
    }

    private static double textWidth(String s, Font f) {
        return Figure.measure(s, f);
    }

    private static List<Rectangle> gradientBars(Parent root) {
        List<Rectangle> out = new ArrayList<>();
        collectGradientBars(root, out);
        return out;
    }

    private static void collectGradientBars(Node n, List<Rectangle> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Rectangle r && r.getFill() instanceof javafx.scene.paint.LinearGradient && r.getWidth() > 0
                && r.getHeight() > 0) {
            out.add(r);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectGradientBars(c, out);
            }
        }
    }

    private void colourBars(XYChart c) {
        for (Rectangle r : gradientBars(c)) {
            Bounds b = toChart(r, r.getLayoutBounds());
            figure.add(new Figure.Fill(Figure.rect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()), r.getFill(),
                    false));
        }
    }

    /** Overlay nodes drawn over (or behind) the data: polygons, lines and labels, in paint order. */
    private void overlays(Parent root) {
        for (Node n : root.getChildrenUnmodifiable()) {
            overlay(n);
        }
    }

    private void overlay(Node n) {
        if (!n.isVisible() || n.getOpacity() == 0 || n instanceof Canvas || n.getClass().getName().startsWith(
                "io.fair_acc.chartfx.ui.css.") || SKIPPED.stream().anyMatch(n.getStyleClass()::contains)) {
            return;
        }
        double opacity = n.getOpacity();
        if (n instanceof Polygon p && p.getPoints().size() >= 6) {
            Paint fill = p.getFill();
            if (fill instanceof Color c && c.getOpacity() > 0) {
                double[] xy = new double[p.getPoints().size()];
                for (int i = 0; i + 1 < xy.length; i += 2) {
                    Point2D q = toChart(p, p.getPoints().get(i), p.getPoints().get(i + 1));
                    xy[i] = q.getX();
                    xy[i + 1] = q.getY();
                }
                figure.add(new Figure.Fill(xy, fade(c, opacity), true));
            }
        } else if (n instanceof Line l) {
            if (l.getStroke() instanceof Color c && l.getStrokeWidth() > 0) {
                Point2D a = toChart(l, l.getStartX(), l.getStartY());
                Point2D b = toChart(l, l.getEndX(), l.getEndY());
                figure.add(new Figure.Stroke(new double[] {a.getX(), a.getY(), b.getX(), b.getY()}, fade(paper(c), opacity),
                        l.getStrokeWidth(), dashes(l), false));
            }
        } else if (n instanceof Labeled lab) {
            String text = lab.getText();
            if (text == null || text.isEmpty()) {
                return;
            }
            Bounds b = toChart(lab, lab.getLayoutBounds());
            Paint bg = background(lab);
            if (bg != null) {
                figure.add(new Figure.Fill(Figure.rect(b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()), bg, false));
            }
            double left = b.getMinX() + lab.getPadding().getLeft();
            figure.add(new Figure.Label(left, b.getMinY() + lab.getPadding().getTop()
                    + (b.getHeight() - lab.getPadding().getTop() - lab.getPadding().getBottom()) / 2, text, lab.getFont(),
                    fade(paper(colourOf(lab.getTextFill(), INK)), opacity), HPos.LEFT, 0));
        } else if (n instanceof Shape) {
            return; // other shapes (zoom boxes, markers of plugins) are interaction aids
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                overlay(c);
            }
        }
    }

    private static double[] dashes(Shape s) {
        if (s.getStrokeDashArray().isEmpty()) {
            return null;
        }
        double[] d = new double[s.getStrokeDashArray().size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = s.getStrokeDashArray().get(i);
        }
        return d;
    }

    private static Paint background(Region r) {
        if (r.getBackground() == null) {
            return null;
        }
        for (BackgroundFill f : r.getBackground().getFills()) {
            if (f.getFill() instanceof Color c && c.getOpacity() > 0) {
                return c;
            }
        }
        return null;
    }

    private static Color colourOf(Paint p, Color fallback) {
        return p instanceof Color c ? c : fallback;
    }

    private static Color fade(Color c, double opacity) {
        return opacity >= 1 ? c : Color.color(c.getRed(), c.getGreen(), c.getBlue(), c.getOpacity() * opacity);
    }

    /** The plot area of the figure in chart coordinates (for tests). */
    static Bounds plotArea(Figure f) {
        return new BoundingBox(f.plotArea().getMinX(), f.plotArea().getMinY(), f.plotArea().getWidth(),
                f.plotArea().getHeight());
    }
}
