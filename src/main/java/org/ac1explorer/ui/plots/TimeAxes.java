package org.ac1explorer.ui.plots;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;

/**
 * The one time axis shared by the plots: zooming or panning any chart's x axis moves the others,
 * {@link #fit()} shows the whole selection, and a vertical cursor follows the mouse in all charts
 * ({@link #cursorProperty()} is the time under the mouse, NaN when outside).
 */
public final class TimeAxes {
    private final List<XYChart> charts = new ArrayList<>();
    private final List<Line> cursors = new ArrayList<>();
    private final ReadOnlyDoubleWrapper lo = new ReadOnlyDoubleWrapper(this, "lo", 0);
    private final ReadOnlyDoubleWrapper hi = new ReadOnlyDoubleWrapper(this, "hi", 1);
    private final DoubleProperty cursor = new SimpleDoubleProperty(this, "cursor", Double.NaN);
    private double fullEnd = 1;
    private boolean updating;

    /** Re-places the cursor lines (call after a chart's layout, when its axis transforms are current). */
    public void refresh() {
        placeCursors();
    }

    public void add(XYChart chart) {
        Axis x = chart.getXAxis();
        x.setAutoRanging(false);
        x.setAutoGrowRanging(false);
        x.set(lo.get(), hi.get());
        charts.add(chart);
        x.minProperty().addListener((o, a, b) -> changed(x));
        x.maxProperty().addListener((o, a, b) -> changed(x));
        x.autoRangingProperty().addListener((o, a, b) -> {
            if (b) {
                // a zoomer "zoom out" past its history: back to the full range
                x.setAutoRanging(false);
                setRange(0, fullEnd);
            }
        });

        Line line = new Line();
        line.getStyleClass().add("time-cursor");
        line.setManaged(false);
        line.setMouseTransparent(true);
        line.setVisible(false);
        chart.getCanvasForeground().getChildren().add(line);
        cursors.add(line);

        chart.addEventFilter(MouseEvent.MOUSE_MOVED, e -> track(chart, e));
        chart.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> track(chart, e));
        chart.addEventFilter(MouseEvent.MOUSE_EXITED, e -> cursor.set(Double.NaN));
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.SECONDARY && e.isStillSincePress()) {
                fit();
            }
        });
        if (chart instanceof PlotStyle.HookedChart h) {
            h.afterLayout(this::placeCursors);
        }
        chart.getCanvas().widthProperty().addListener((o, a, b) -> placeCursors());
        chart.getCanvas().heightProperty().addListener((o, a, b) -> placeCursors());
        cursor.addListener((o, a, b) -> placeCursors());
    }

    private void track(XYChart chart, MouseEvent e) {
        Point2D p = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
        if (p == null || p.getX() < 0 || p.getX() > chart.getCanvas().getWidth() || p.getY() < 0
                || p.getY() > chart.getCanvas().getHeight()) {
            cursor.set(Double.NaN);
            return;
        }
        cursor.set(chart.getXAxis().getValueForDisplay(p.getX()));
    }

    private void changed(Axis source) {
        if (updating) {
            return;
        }
        double a = source.getMin();
        double b = source.getMax();
        if (!(b > a)) {
            return;
        }
        updating = true;
        try {
            for (XYChart c : charts) {
                Axis x = c.getXAxis();
                if (x != source) {
                    x.set(a, b);
                    c.invalidate();
                }
            }
            lo.set(a);
            hi.set(b);
        } finally {
            updating = false;
        }
        placeCursors();
    }

    /** Shows [a, b] seconds in every chart. */
    public void setRange(double a, double b) {
        if (!(b > a)) {
            return;
        }
        updating = true;
        try {
            for (XYChart c : charts) {
                c.getXAxis().set(a, b);
                c.invalidate();
            }
            lo.set(a);
            hi.set(b);
        } finally {
            updating = false;
        }
        placeCursors();
    }

    /** The length of the current selection, s (what {@link #fit()} shows). */
    public void setFullRange(double end) {
        fullEnd = end > 0 ? end : 1;
    }

    public void fit() {
        setRange(0, fullEnd);
    }

    public double fullEnd() {
        return fullEnd;
    }

    public ReadOnlyDoubleProperty loProperty() {
        return lo.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty hiProperty() {
        return hi.getReadOnlyProperty();
    }

    /** Time under the mouse, s, or NaN. Settable (e.g. by tests or keyboard). */
    public DoubleProperty cursorProperty() {
        return cursor;
    }

    private void placeCursors() {
        double t = cursor.get();
        for (int i = 0; i < charts.size(); i++) {
            XYChart c = charts.get(i);
            Line l = cursors.get(i);
            Axis x = c.getXAxis();
            boolean show = !Double.isNaN(t) && t >= x.getMin() && t <= x.getMax();
            l.setVisible(show);
            if (show) {
                double px = Math.round(x.getDisplayPosition(t)) + 0.5;
                l.setStartX(px);
                l.setEndX(px);
                l.setStartY(0);
                l.setEndY(c.getCanvas().getHeight());
            }
        }
    }
}
