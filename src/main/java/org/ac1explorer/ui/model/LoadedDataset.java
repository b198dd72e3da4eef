package org.ac1explorer.ui.model;

import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.explore.SelectionAnalyzer;

/**
 * An opened dataset: the archive index, where it came from, a short name for titles, and the one
 * {@link SelectionAnalyzer} (with its caches) that computes its selections.
 */
public record LoadedDataset(Ac1Archive archive, Path folder, String name, boolean demo, SelectionAnalyzer analyzer) {

    public LoadedDataset(Ac1Archive archive, Path folder, String name, boolean demo) {
        this(archive, folder, name, demo, new SelectionAnalyzer(archive));
    }

    public List<CellRecord> cells() {
        return archive.cells();
    }

    public int repeatCount() {
        return archive.cells().stream().mapToInt(CellRecord::repeatCount).sum();
    }
}
