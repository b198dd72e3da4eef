package org.ac1explorer.ui.population;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.renderer.ContourType;
import io.fair_acc.chartfx.renderer.spi.ContourDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.utils.ColorGradient;
import io.fair_acc.dataset.spi.DoubleGridDataSet;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.ac1explorer.explore.PopulationRow;
import org.ac1explorer.ui.plots.PlotStyle;
import org.ac1explorer.ui.common.Tooltips;

/**
 * One block of the population view: the binned mean responses of the cells of one signal type and
 * site as a ChartFX heatmap, x = time (s, bin centres from the trace start), y = one row per cell
 * (labelled with its session, first row on top), colour = the response in the block's unit (mV or
 * Hz) on a range shared by every block of that signal type. Clicking a row reports its cell.
 */
final class PopulationHeatmap extends VBox {
    /** Width of the row-label axis, px: the same in every chart of the view so their time axes line up. */
    static final double LABEL_WIDTH = 150;
    private static final double ROW_PX = 16;

    private final DefaultNumericAxis x = PlotStyle.axis(PlotStyle.TIME_AXIS);
    private final DefaultNumericAxis y = PlotStyle.axis("Cell");
    private final DefaultNumericAxis z = ContourDataSetRenderer.createZAxis();
    private final XYChart chart;
    private final ContourDataSetRenderer renderer = new ContourDataSetRenderer();
    private final DoubleGridDataSet data = new DoubleGridDataSet("population", 3);
    private final Label title = new Label();
    private List<PopulationRow> rows = List.of();

    PopulationHeatmap(String id, String unitName, Consumer<PopulationRow> onRowClicked) {
        getStyleClass().add("plot-block");
        setId(id);
        y.setAutoRanging(false);
        y.setAutoGrowRanging(false);
        fixWidth(y);
        PlotStyle.ticksInSteps(y, () -> 1);
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                int k = (int) Math.rint(v);
                PopulationRow r = rowAt(k);
                return Math.abs(v - k) > 1e-6 || r == null ? "" : r.cell().session();
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        z.setName(unitName);
        z.setUnit(null);
        z.setAutoUnitScaling(false);
        z.setAutoRanging(false);
        z.setAutoGrowRanging(false);
        z.setAnimated(false);
        chart = PlotStyle.chart(x, y, "population-chart");
        chart.setId(id + "-chart");
        renderer.setContourType(ContourType.HEATMAP);
        renderer.setSmooth(false);
        renderer.setComputeLocalRange(false);
        renderer.setColorGradient(ColorGradient.VIRIDIS);
        renderer.getAxes().setAll(x, y, z);
        chart.getAxes().add(z);
        // an empty grid makes the renderer index row -1: start from a 2 x 2 grid of nothing, hidden
        data.set(false, new double[][] {{0, 1}, {0, 1}}, new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN});
        renderer.getDatasets().add(data);
        chart.getRenderers().add(renderer);
        setVisible(false);
        setManaged(false);
        title.getStyleClass().add("plot-title");
        HBox head = new HBox(6, title);
        PlotStyle.stackBlock(this, head, chart, new Label());
        // a filter: the chart's zoom plugin consumes the click before handlers see it (as for the play position)
        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                javafx.geometry.Point2D p = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
                PopulationRow r = p == null || p.getY() < 0 || p.getY() > chart.getCanvas().getHeight() ? null
                        : rowAt((int) Math.rint(y.getValueForDisplay(p.getY())));
                if (r != null) {
                    onRowClicked.accept(r);
                }
            }
        });
        Tooltips.install(chart, "Click a row to open that cell with this stimulus");
    }

    /** Gives a y axis the view's fixed label width, so the plot areas of all its charts start at one x. */
    static void fixWidth(javafx.scene.layout.Region axis) {
        axis.setMinWidth(LABEL_WIDTH);
        axis.setPrefWidth(LABEL_WIDTH);
        axis.setMaxWidth(LABEL_WIDTH);
    }

    /** The row drawn at y value {@code k} (rows run top to bottom), or null. */
    private PopulationRow rowAt(int k) {
        int i = rows.size() - 1 - k;
        return i < 0 || i >= rows.size() ? null : rows.get(i);
    }

    /** The row under the centre of row position {@code i} (0 = top), for tests. */
    double rowCentreY(int i) {
        return y.getDisplayPosition(rows.size() - 1 - i);
    }

    XYChart chart() {
        return chart;
    }

    List<PopulationRow> rows() {
        return rows;
    }

    /** Value of row {@code i} (0 = top) at bin {@code k} as drawn (before clamping to the colour range). */
    double drawn(int i, int k) {
        return data.get(2, (rows.size() - 1 - i) * data.getShape(0) + k);
    }

    double[] zRange() {
        return new double[] {z.getMin(), z.getMax()};
    }

    /** Shows {@code rows} (top to bottom) in bins of {@code dtMs}, coloured on [lo, hi]. */
    void show(String heading, List<PopulationRow> rows, double dtMs, double lo, double hi) {
        this.rows = List.copyOf(rows);
        title.setText(heading);
        boolean any = !rows.isEmpty();
        setVisible(any);
        setManaged(any);
        if (!any) {
            return;
        }
        // a grid needs two columns and two rows: a one-bin or one-cell block repeats its only one
        int nx = Math.max(2, rows.stream().mapToInt(r -> r.mean().length).max().orElse(0));
        int ny = rows.size();
        double[] times = new double[nx];
        for (int k = 0; k < nx; k++) {
            times[k] = (k + 0.5) * dtMs / 1000.0;
        }
        double[] ys = new double[ny];
        double[] values = new double[nx * ny];
        for (int j = 0; j < ny; j++) {
            ys[j] = j;
            double[] m = rows.get(ny - 1 - j).mean();
            for (int k = 0; k < nx; k++) {
                // bins past a shorter cell's end stay empty (NaN is drawn transparent)
                values[j * nx + k] = k < m.length ? Math.max(lo, Math.min(hi, m[k])) : Double.NaN;
            }
        }
        if (ny == 1) {
            // a grid needs two rows: repeat the single one
            ys = new double[] {-0.25, 0.25};
            double[] two = new double[2 * nx];
            System.arraycopy(values, 0, two, 0, nx);
            System.arraycopy(values, 0, two, nx, nx);
            values = two;
        }
        z.set(lo, hi);
        y.set(-0.5, ny - 0.5);
        data.set(false, new double[][] {times, ys}, values);
        data.recomputeLimits();
        double h = 70 + ROW_PX * ny;
        chart.setMinHeight(Math.min(h, 140));
        chart.setPrefHeight(h);
        chart.invalidate();
    }
}
