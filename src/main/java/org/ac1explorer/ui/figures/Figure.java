package org.ac1explorer.ui.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/**
 * A plot as a list of vector drawing items in the chart's pixel coordinates (origin top left):
 * what {@link SvgWriter} writes and {@link FigureRaster} paints at any resolution. Items marked
 * {@code clipped} are cut to the plot area.
 */
public final class Figure {
    /** A drawing item. */
    public sealed interface Item permits Stroke, Fill, Label, Bitmap {
        /** Whether it is cut to the plot area. */
        boolean clipped();
    }

    /** Draws each kind of item into one output format (SVG, PDF). */
    interface ItemPainter<E extends Exception> {
        void stroke(Stroke s) throws E;

        void fill(Fill f) throws E;

        void label(Label l) throws E;

        void bitmap(Bitmap b) throws E;
    }

    /** Receives a polyline as pen moves: {@code moveTo} starts a piece (at the first point and after each break), {@code lineTo} continues it. */
    interface PathSink<E extends Exception> {
        void moveTo(double x, double y) throws E;

        void lineTo(double x, double y) throws E;
    }

    /** Walks (x, y) pairs into pen moves, a non-finite pair breaking the line; returns whether any point was drawn. */
    static <E extends Exception> boolean walk(double[] xy, PathSink<E> sink) throws E {
        boolean pen = false;
        boolean any = false;
        for (int k = 0; k + 1 < xy.length; k += 2) {
            double x = xy[k];
            double y = xy[k + 1];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                pen = false;
            } else if (pen) {
                sink.lineTo(x, y);
            } else {
                sink.moveTo(x, y);
                pen = true;
                any = true;
            }
        }
        return any;
    }

    /** Hands {@code i} to the painter's method for its kind. */
    static <E extends Exception> void paint(Item i, ItemPainter<E> painter) throws E {
        if (i instanceof Stroke s) {
            painter.stroke(s);
        } else if (i instanceof Fill f) {
            painter.fill(f);
        } else if (i instanceof Label l) {
            painter.label(l);
        } else if (i instanceof Bitmap b) {
            painter.bitmap(b);
        }
    }

    /** A polyline through (x, y) pairs; a NaN coordinate breaks it. */
    public record Stroke(double[] xy, Color colour, double width, double[] dashes, boolean clipped) implements Item {
    }

    /** A filled polygon (x, y pairs); the paint may be a colour or a linear gradient. */
    public record Fill(double[] xy, Paint paint, boolean clipped) implements Item {
    }

    /**
     * Text whose anchor is (x, y): horizontally at its left, centre or right ({@code align}),
     * vertically at its middle, turned by {@code rotate} degrees around the anchor. {@code width}
     * is its width as JavaFX lays it out (SVG viewers with other fonts are held to it).
     */
    public record Label(double x, double y, String text, Font font, Color colour, HPos align, double rotate,
                        double width) implements Item {
        public Label(double x, double y, String text, Font font, Color colour, HPos align, double rotate) {
            this(x, y, text, font, colour, align, rotate, measure(text, font));
        }

        /** Text is never cut to the plot area (axis titles and tick labels lie outside it). */
        @Override
        public boolean clipped() {
            return false;
        }
    }

    /** The laid-out width of {@code text} in {@code font}, px. */
    public static double measure(String text, Font font) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** An image of {@code cols} × {@code rows} ARGB pixels (row 0 at the top) stretched over a rectangle, unsmoothed. */
    public record Bitmap(double x, double y, double w, double h, int cols, int rows, int[] argb, boolean clipped)
            implements Item {
    }

    private final double width;
    private final double height;
    private final Bounds plotArea;
    private final List<Item> items = new ArrayList<>();
    private Bounds view;

    public Figure(double width, double height, Bounds plotArea) {
        this.width = width;
        this.height = height;
        this.plotArea = plotArea == null ? new BoundingBox(0, 0, width, height) : plotArea;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** The rectangle clipped items are cut to. */
    public Bounds plotArea() {
        return plotArea;
    }

    /** The part of the figure that is written (its content plus a margin); the whole figure by default. */
    public Bounds view() {
        return view == null ? new BoundingBox(0, 0, width, height) : view;
    }

    public void setView(Bounds b) {
        view = b;
    }

    public List<Item> items() {
        return Collections.unmodifiableList(items);
    }

    public void add(Item i) {
        items.add(i);
    }

    static double[] rect(double x, double y, double w, double h) {
        return new double[] {x, y, x + w, y, x + w, y + h, x, y + h};
    }
}
