package org.ac1explorer.ui.browser;

import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;

/** What a row of the browser tree stands for. */
sealed interface BrowserNode {
    /** A group of cells by experimenter and site ("Wehr · A1"). */
    record Group(String experimenter, String site, int cells) implements BrowserNode {
    }

    record Cell(CellRecord cell) implements BrowserNode {
    }

    record Stimulus(CellRecord cell, CellStimulus stimulus) implements BrowserNode {
    }
}
