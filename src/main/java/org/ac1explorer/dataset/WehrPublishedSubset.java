package org.ac1explorer.dataset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reproducibility constants of the published Wehr models (Rançon et al. 2024/2025): which
 * Wehr cells were used (by {@code wehr_cell_idx}) and each cell's split of its natural stimuli
 * into training, validation and test counts. Read from {@code wehr-published-subset.tsv}.
 */
public final class WehrPublishedSubset {
    /** A cell's stimulus counts for training, validation and test. */
    public record Split(int train, int validation, int test) {
        public int total() {
            return train + validation + test;
        }
    }

    private record Row(boolean valid, Split split) {
    }

    private static final Map<Integer, Row> ROWS = load();

    private WehrPublishedSubset() {
    }

    private static Map<Integer, Row> load() {
        Map<Integer, Row> rows = new TreeMap<>();
        try (InputStream in = WehrPublishedSubset.class.getResourceAsStream("wehr-published-subset.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.startsWith("wehr_cell_idx") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                rows.put(Integer.parseInt(f[0]), new Row(f[1].equals("1"),
                        new Split(Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4]))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read wehr-published-subset.tsv", e);
        }
        return rows;
    }

    /** Whether the Wehr cell with this index is one of the published models' cells. */
    public static boolean isPublished(int wehrCellIdx) {
        Row r = ROWS.get(wehrCellIdx);
        return r != null && r.valid();
    }

    /** The published split of this Wehr cell, when one is defined. */
    public static Optional<Split> split(int wehrCellIdx) {
        Row r = ROWS.get(wehrCellIdx);
        return r == null ? Optional.empty() : Optional.of(r.split());
    }

    /** Indices of the published cells, ascending. */
    public static int[] publishedCells() {
        return ROWS.entrySet().stream().filter(e -> e.getValue().valid()).mapToInt(Map.Entry::getKey).toArray();
    }
}
