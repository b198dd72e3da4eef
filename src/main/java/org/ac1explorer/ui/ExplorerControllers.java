package org.ac1explorer.ui;

import org.ac1explorer.ui.curation.CurationController;
import org.ac1explorer.ui.analysis.CountsController;
import org.ac1explorer.ui.analysis.SelectionController;
import org.ac1explorer.ui.download.DownloadController;
import org.ac1explorer.ui.export.ExportController;
import org.ac1explorer.ui.open.OpenController;
import org.ac1explorer.ui.playback.PlaybackController;
import org.ac1explorer.ui.population.PopulationController;
import org.ac1explorer.ui.strf.StrfController;

/** The explorer window's controllers (background work behind the views), built once by {@link MainWindow}. */
public record ExplorerControllers(SelectionController selection, CountsController counts, OpenController opener,
                                  ExportController exporter, DownloadController downloader, StrfController strf,
                                  PopulationController population, PlaybackController playback, CurationController curation) {
}
