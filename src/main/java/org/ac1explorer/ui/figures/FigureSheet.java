package org.ac1explorer.ui.figures;

import java.util.List;
import javafx.geometry.HPos;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Several plot figures stacked into one (e.g. spectrogram, repeats, mean response) under a title,
 * on a shared scale of screen pixels (1/96 inch): each panel keeps its own clip to its plot area.
 * Written by {@link SvgWriter#write(FigureSheet, double)} and {@link FigureRaster#paint(FigureSheet, double)}.
 */
public record FigureSheet(String title, List<Figure> panels) {
    /** Space above the first panel for the title, px. */
    static final double TITLE_HEIGHT = 30;
    /** Space between panels, px. */
    static final double GAP = 6;

    public FigureSheet {
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one panel");
        }
        panels = List.copyOf(panels);
        title = title == null ? "" : title;
    }

    /** The widest panel's width, px. */
    public double width() {
        return panels.stream().mapToDouble(p -> p.view().getWidth()).max().orElse(1);
    }

    /** Title, panels and the gaps between them, px. */
    public double height() {
        return top(panels.size() - 1) + panels.get(panels.size() - 1).view().getHeight();
    }

    /** Where panel {@code k}'s view starts, px from the top. */
    public double top(int k) {
        double y = TITLE_HEIGHT;
        for (int i = 0; i < k; i++) {
            y += panels.get(i).view().getHeight() + GAP;
        }
        return y;
    }

    /** The title as a label centred over the sheet. */
    Figure.Label titleLabel() {
        Font f = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 15);
        return new Figure.Label(width() / 2, TITLE_HEIGHT / 2, title, f, Color.BLACK, HPos.CENTER, 0);
    }

    /** The scale from sheet pixels to the pixels of a {@code widthCm} wide image at {@code dpi}. */
    public double scaleFor(double widthCm, double dpi) {
        return widthCm / 2.54 * dpi / width();
    }
}
