package org.ac1explorer.ui.plots;

import io.fair_acc.chartfx.XYChart;
import javafx.scene.Parent;

/**
 * What a figure of a chart holds beyond the chart node itself, offered by the views and read by
 * the figure export: a layer of nodes laid over the chart from outside it (the repeats' verdict
 * labels and scale bar sit beside the plot area, where the chart's own layers would clip them).
 */
public final class FigureParts {
    private static final String OUTER_LAYER = "ac1.figure.outer-layer";

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
}
