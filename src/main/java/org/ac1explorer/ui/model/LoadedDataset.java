package org.ac1explorer.ui.model;

import java.nio.file.Path;
import java.util.List;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;

/** An opened dataset: the archive index, where it came from and a short name for titles. */
public record LoadedDataset(Ac1Archive archive, Path folder, String name, boolean demo) {

    public List<CellRecord> cells() {
        return archive.cells();
    }

    public int repeatCount() {
        return archive.cells().stream().mapToInt(CellRecord::repeatCount).sum();
    }
}
