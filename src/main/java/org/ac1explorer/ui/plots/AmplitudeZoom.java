package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.scene.input.ScrollEvent;

/**
 * Ctrl+wheel (Cmd+wheel on macOS) zooms a chart's vertical axis around the mouse: amplitude on
 * the traces and the response, frequency on the spectrogram. The plain wheel and drag keep
 * zooming the shared time axis; {@link #fit} gives the axis back to the chart's own range.
 */
public final class AmplitudeZoom {
    /** Range factor of one wheel notch towards the user (zoom in); the other way is its inverse. */
    static final double STEP = 0.8;

    private final DefaultNumericAxis y;
    private final Runnable fit;
    private boolean zoomed;

    private AmplitudeZoom(DefaultNumericAxis y, Runnable fit) {
        this.y = y;
        this.fit = fit;
    }

    /** Installs the zoom on {@code chart}'s axis {@code y}; {@code fit} restores the chart's own range. */
    public static AmplitudeZoom install(XYChart chart, DefaultNumericAxis y, Runnable fit) {
        AmplitudeZoom z = new AmplitudeZoom(y, fit);
        chart.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (!e.isShortcutDown() || e.getDeltaY() == 0) {
                return;
            }
            javafx.geometry.Point2D p = chart.getCanvas().sceneToLocal(e.getSceneX(), e.getSceneY());
            if (p != null) {
                z.zoom(y.getValueForDisplay(p.getY()), e.getDeltaY() > 0 ? STEP : 1 / STEP);
            }
            e.consume();
        });
        return z;
    }

    /** Scales the axis range by {@code factor} around {@code centre} (axis units). */
    public void zoom(double centre, double factor) {
        double lo = y.getMin();
        double hi = y.getMax();
        if (!(hi > lo) || !Double.isFinite(centre)) {
            return;
        }
        double c = Math.max(lo, Math.min(hi, centre));
        y.setAutoRanging(false);
        y.set(c - (c - lo) * factor, c + (hi - c) * factor);
        zoomed = true;
    }

    /** Whether the axis shows a zoomed range. */
    public boolean isZoomed() {
        return zoomed;
    }

    /** Back to the chart's own range. */
    public void fit() {
        zoomed = false;
        fit.run();
    }
}
