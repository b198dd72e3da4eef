package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.paint.Color;

/**
 * What a figure of a chart holds beyond the chart node itself, offered by the views and read by
 * the figure export: a layer of nodes laid over the chart from outside it (the repeats' verdict
 * labels and scale bar sit beside the plot area, where the chart's own layers would clip them),
 * and the legend a figure prints above the plot area (on screen it is in the plot's header).
 */
public final class FigureParts {
    private static final String OUTER_LAYER = "ac1.figure.outer-layer";
    private static final String LEGEND = "ac1.figure.legend";

    private FigureParts() {
    }

    /** Registers {@code layer} (positioned over {@code chart}) as part of the chart's figures. */
    public static void setOuterLayer(XYChart chart, Parent layer) {
        chart.getProperties().put(OUTER_LAYER, layer);
    }

    /** The layer over {@code chart} that its figures include, or null. */
    public static Parent outerLayer(XYChart chart) {
        return chart.getProperties().get(OUTER_LAYER) instanceof Parent p ? p : null;
    }

    /**
     * One legend entry: a line sample {@code width} px thick in {@code colour} (or, when
     * {@code swatch}, a filled box, as for a ± s.e.m. band), then {@code text}.
     */
    public record LegendEntry(Color colour, double width, boolean swatch, String text) {
    }

    /** Registers what the chart's figures name in their legend (asked at each export, on the JavaFX thread). */
    public static void setLegend(XYChart chart, Supplier<List<LegendEntry>> entries) {
        chart.getProperties().put(LEGEND, entries);
    }

    /** The legend of a figure of {@code chart} as it is drawn now; empty when it has none. */
    public static List<LegendEntry> legend(XYChart chart) {
        if (chart.getProperties().get(LEGEND) instanceof Supplier<?> s && s.get() instanceof List<?> l) {
            return l.stream().filter(LegendEntry.class::isInstance).map(LegendEntry.class::cast).toList();
        }
        return List.of();
    }
}
