package org.ac1explorer.ui.playback;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import org.ac1explorer.ui.plots.PlotStyle;
import org.ac1explorer.ui.plots.TimeAxes;

/**
 * The playback cursor in every plot of the shared time axis: one vertical line per chart at the
 * stimulus time being heard, all placed from the same {@link PlaybackController#positionProperty()}.
 * A plain click (no drag, so zoom boxes and pans are untouched) on a plot seeks there. While
 * playing, a zoomed view pages along so the cursor stays in sight.
 */
public final class Playhead {
    /** Style class of the cursor lines. */
    public static final String STYLE_CLASS = "playhead";
    private final PlaybackController playback;
    private final TimeAxes time;
    private final List<XYChart> charts = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();

    public Playhead(PlaybackController playback, TimeAxes time, List<XYChart> charts) {
        this.playback = playback;
        this.time = time;
        for (XYChart c : charts) {
            add(c);
        }
        playback.positionProperty().addListener((o, a, t) -> {
            follow(t.doubleValue());
            place();
        });
        playback.playheadShownProperty().addListener((o, a, b) -> place());
    }

    private void add(XYChart chart) {
        String css = Playhead.class.getResource("playback.css").toExternalForm();
        if (!chart.getStylesheets().contains(css)) {
            chart.getStylesheets().add(css);
        }
        Line line = new Line();
        line.getStyleClass().add(STYLE_CLASS);
        line.setManaged(false);
        line.setMouseTransparent(true);
        line.setVisible(false);
        chart.getCanvasForeground().getChildren().add(line);
        charts.add(chart);
        lines.add(line);
        Axis x = chart.getXAxis();
        x.minProperty().addListener((o, a, b) -> place());
        x.maxProperty().addListener((o, a, b) -> place());
        chart.getCanvas().widthProperty().addListener((o, a, b) -> place());
        chart.getCanvas().heightProperty().addListener((o, a, b) -> place());
        if (chart instanceof PlotStyle.HookedChart h) {
            h.afterLayout(this::place);
        }
        chart.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress() && e.getClickCount() == 1) {
                double t = timeAt(chart, e.getSceneX(), e.getSceneY());
                if (!Double.isNaN(t)) {
                    playback.seek(t);
                }
            }
        });
    }

    /** The time under a scene point inside the chart's plot area, or NaN. */
    static double timeAt(XYChart chart, double sceneX, double sceneY) {
        Point2D p = chart.getCanvas().sceneToLocal(sceneX, sceneY);
        if (p == null || p.getX() < 0 || p.getX() > chart.getCanvas().getWidth() || p.getY() < 0
                || p.getY() > chart.getCanvas().getHeight()) {
            return Double.NaN;
        }
        return chart.getXAxis().getValueForDisplay(p.getX());
    }

    /** When playing past the visible range, shows the next page of the same width. */
    private void follow(double t) {
        if (playback.state() != PlaybackController.State.PLAYING) {
            return;
        }
        double lo = time.loProperty().get();
        double hi = time.hiProperty().get();
        double w = hi - lo;
        double full = time.fullEnd();
        if (!(w > 0) || (t >= lo && t <= hi) || (lo <= 0 && hi >= full)) {
            return;
        }
        double a = t > hi ? t : Math.max(0, t - 0.1 * w);
        double b = a + w;
        if (b > full) {
            b = Math.max(full, t);
            a = Math.max(0, b - w);
        }
        time.setRange(a, b);
    }

    private void place() {
        double t = playback.position();
        boolean shown = playback.playheadShownProperty().get();
        for (int i = 0; i < charts.size(); i++) {
            XYChart c = charts.get(i);
            Line l = lines.get(i);
            Axis x = c.getXAxis();
            boolean in = shown && t >= x.getMin() && t <= x.getMax() && c.getCanvas().getWidth() > 0;
            l.setVisible(in);
            if (in) {
                double px = Math.round(x.getDisplayPosition(t)) + 0.5;
                l.setStartX(px);
                l.setEndX(px);
                l.setStartY(0);
                l.setEndY(c.getCanvas().getHeight());
            }
        }
    }

    /** The cursor line drawn in chart {@code i} (for tests). */
    public Line line(int i) {
        return lines.get(i);
    }
}
