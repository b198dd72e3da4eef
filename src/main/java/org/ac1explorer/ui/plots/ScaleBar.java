package org.ac1explorer.ui.plots;

import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import javafx.scene.text.Text;
import org.ac1explorer.ui.common.Formats;

/**
 * The scale bar of the repeats drawn in rows: there the mV axis only gives each row's place, so
 * a vertical bar of a round amplitude ("20 mV") and a horizontal one of a round duration
 * ("200 ms"), each 1, 2 or 5 × 10^k chosen for the current zoom and gain, give the traces' scale.
 * An L with its labels outside it, placed by {@link TracesChart} in the chart's bottom-right
 * corner (right of the time axis, under the verdict labels), where no trace is drawn.
 */
public final class ScaleBar {
    /** Longest vertical bar, px: the amplitude is the largest round value whose bar fits. */
    static final double MAX_HEIGHT = 36;
    /** Longest horizontal bar, px. */
    static final double MAX_WIDTH = 60;
    /** Gap between a bar and its label, px. */
    private static final double GAP = 4;

    private final Line vertical = new Line();
    private final Line horizontal = new Line();
    private final Label amplitude = new Label();
    private final Label duration = new Label();
    private double mv = Double.NaN;
    private double seconds = Double.NaN;

    /**
     * What the bar shows: its values (mV, s), their texts, the bars' lengths (px) and the bounds
     * of the bars with their labels in scene coordinates.
     */
    public record Reading(double mv, double seconds, String mvText, String timeText, double heightPx, double widthPx,
                          Bounds scene) {
    }

    ScaleBar(Pane layer) {
        for (Line l : new Line[] {vertical, horizontal}) {
            l.getStyleClass().add("scale-bar");
            l.setManaged(false);
            l.setMouseTransparent(true);
        }
        for (Label l : new Label[] {amplitude, duration}) {
            l.getStyleClass().add("scale-bar-label");
            l.setManaged(false);
            l.setMouseTransparent(true);
        }
        layer.getChildren().addAll(vertical, horizontal, amplitude, duration);
        hide();
    }

    void hide() {
        setVisible(false);
        mv = Double.NaN;
        seconds = Double.NaN;
    }

    private void setVisible(boolean on) {
        vertical.setVisible(on);
        horizontal.setVisible(on);
        amplitude.setVisible(on);
        duration.setVisible(on);
    }

    /**
     * Chooses the values for the axes' scales ({@code pxPerMv}, {@code pxPerS}) and places the bar
     * in the box of its layer from {@code left} to {@code right}, between {@code top} and
     * {@code bottom} (px): the vertical bar as tall as fits below {@code top}, up to
     * {@link #MAX_HEIGHT}, the horizontal one up to {@link #MAX_WIDTH} with its label before {@code right}.
     */
    void place(double pxPerMv, double pxPerS, double left, double right, double top, double bottom) {
        if (!(pxPerMv > 0) || !(pxPerS > 0) || !Double.isFinite(pxPerMv) || !Double.isFinite(pxPerS)) {
            hide();
            return;
        }
        double durationHeight = duration.prefHeight(-1);
        double corner = bottom - durationHeight / 2;
        double room = Math.max(8, Math.min(MAX_HEIGHT, corner - top));
        mv = PlotData.niceBelow(room / pxPerMv);
        amplitude.setText(mvText(mv));
        double aw = width(amplitude);
        seconds = PlotData.niceBelow(MAX_WIDTH / pxPerS);
        duration.setText(timeText(seconds));
        // large text (presentation mode) in a narrow margin: a shorter duration
        for (int i = 0; i < 6 && left + aw + GAP + seconds * pxPerS + GAP + width(duration) > right; i++) {
            seconds = PlotData.niceBelow(seconds * 0.99);
            duration.setText(timeText(seconds));
        }
        double v = mv * pxPerMv;
        double h = seconds * pxPerS;
        double ah = amplitude.prefHeight(-1);
        double x0 = left + aw + GAP;
        vertical.setStartX(x0);
        vertical.setEndX(x0);
        vertical.setStartY(corner - v);
        vertical.setEndY(corner);
        horizontal.setStartX(x0);
        horizontal.setEndX(x0 + h);
        horizontal.setStartY(corner);
        horizontal.setEndY(corner);
        amplitude.resizeRelocate(left, corner - v / 2 - ah / 2, aw, ah);
        duration.resizeRelocate(x0 + h + GAP, corner - durationHeight / 2, width(duration), durationHeight);
        setVisible(true);
    }

    /** The label's width for its current text (its cached preferred width may still be the old text's until the next pulse). */
    private static double width(Label l) {
        Text t = new Text(l.getText());
        t.setFont(l.getFont());
        return Math.ceil(t.getLayoutBounds().getWidth() + l.snappedLeftInset() + l.snappedRightInset());
    }

    /** "20 mV", "0.5 mV". */
    static String mvText(double mv) {
        return Formats.sig(mv) + " mV";
    }

    /** "200 ms" below a second, else "2 s". */
    static String timeText(double s) {
        return s < 1 ? Formats.sig(s * 1000) + " ms" : Formats.sig(s) + " s";
    }

    /** What the bar shows now, or null while it is hidden. */
    Reading reading() {
        if (!vertical.isVisible() || vertical.getScene() == null) {
            return null;
        }
        Bounds b = union(union(vertical.getBoundsInParent(), horizontal.getBoundsInParent()),
                union(amplitude.getBoundsInParent(), duration.getBoundsInParent()));
        return new Reading(mv, seconds, amplitude.getText(), duration.getText(), vertical.getEndY() - vertical.getStartY(),
                horizontal.getEndX() - horizontal.getStartX(), vertical.getParent().localToScene(b));
    }

    private static Bounds union(Bounds a, Bounds b) {
        double x0 = Math.min(a.getMinX(), b.getMinX());
        double y0 = Math.min(a.getMinY(), b.getMinY());
        return new BoundingBox(x0, y0, Math.max(a.getMaxX(), b.getMaxX()) - x0, Math.max(a.getMaxY(), b.getMaxY()) - y0);
    }
}
