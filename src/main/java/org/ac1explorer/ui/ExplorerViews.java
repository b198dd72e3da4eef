package org.ac1explorer.ui;

import org.ac1explorer.ui.browser.BrowserPane;
import org.ac1explorer.ui.browser.CellsTable;
import org.ac1explorer.ui.browser.ProblemsPane;
import org.ac1explorer.ui.knobs.KnobsPane;
import org.ac1explorer.ui.playback.PlaybackBar;
import org.ac1explorer.ui.plots.PlotsPane;
import org.ac1explorer.ui.status.StatusBar;
import org.ac1explorer.ui.population.PopulationPane;
import org.ac1explorer.ui.strf.StrfPane;

/**
 * The explorer window's views, built once by {@link MainWindow} and laid out by {@link ExplorerLayout};
 * the Population view when first asked for ({@code populationView} gives the same one every time).
 */
public record ExplorerViews(BrowserPane browser, ProblemsPane problems, CellsTable cellsTable, PlotsPane plots,
                            KnobsPane knobs, StrfPane strfPane, java.util.function.Supplier<PopulationPane> populationView,
                            PlaybackBar playbackBar, StatusBar statusBar) {

    /** The Population tab's view, built on the first call (its tab's first showing), not with the window. */
    public PopulationPane population() {
        return populationView.get();
    }
}
