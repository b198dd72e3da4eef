package org.ac1explorer.explore;

import org.ac1explorer.curation.Curation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dsp.LogSpectrogram;

/**
 * The population view of one stimulus: every cell that heard it, one {@link PopulationRow} each
 * (binned mean response of the kept repeats, dt bins from the trace start), computed with the
 * per-cell pipeline of {@link SelectionAnalyzer} at one parameter set, plus the stimulus
 * spectrogram (null with {@code spectrogramError}). Rows are in the cells' order; see {@link #sorted}.
 */
public record PopulationResponse(StimulusKey stimulus, Params params, List<PopulationRow> rows,
                                 LogSpectrogram spectrogram, String spectrogramError) {

    public PopulationResponse {
        rows = List.copyOf(rows);
    }

    /** How rows are ordered; ties and undefined (NaN) keys go last, then by cell id. */
    public enum Order {
        /** Largest CC_max first. */
        CC_MAX("CC_max (high first)"),
        /** Earliest peak of the mean response first. */
        PEAK_LATENCY("Peak latency (early first)"),
        /** Largest s.d. of the mean response over time first. */
        STRENGTH("Response strength (high first)");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        double key(PopulationRow r) {
            return switch (this) {
                case CC_MAX -> -r.ccMax();
                case PEAK_LATENCY -> r.peakLatencyMs();
                case STRENGTH -> -r.strength();
            };
        }

        Comparator<PopulationRow> comparator() {
            return Comparator.<PopulationRow>comparingInt(r -> Double.isNaN(key(r)) ? 1 : 0)
                    .thenComparingDouble(r -> Double.isNaN(key(r)) ? 0 : key(r))
                    .thenComparing(r -> r.cell().id());
        }
    }

    /** The cells among {@code cells} that heard {@code key}, with that stimulus, in the given order. */
    public static List<Selection> listeners(List<CellRecord> cells, StimulusKey key) {
        List<Selection> out = new ArrayList<>();
        for (CellRecord c : cells) {
            for (CellStimulus s : c.stimuli()) {
                if (s.key().equals(key)) {
                    out.add(new Selection(c, s));
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Analyses every listener of {@code key} with {@code analyzer} at {@code p}; progress counts cells.
     * Throws {@link java.util.concurrent.CancellationException} when {@code monitor} is cancelled.
     */
    public static PopulationResponse compute(SelectionAnalyzer analyzer, List<CellRecord> cells, StimulusKey key,
                                             Params p, ProgressMonitor monitor) {
        return compute(analyzer, cells, key, p, Curation.EMPTY, monitor);
    }

    /**
     * {@link #compute(SelectionAnalyzer, List, StimulusKey, Params, ProgressMonitor)} with the hand
     * decisions of {@code curation}: excluded cells are left out, each mean uses the hand verdicts.
     */
    public static PopulationResponse compute(SelectionAnalyzer analyzer, List<CellRecord> cells, StimulusKey key,
                                             Params p, Curation curation, ProgressMonitor monitor) {
        List<Selection> who = listeners(cells, key).stream()
                .filter(s -> curation.exclusion(s.cell().session()).isEmpty()).toList();
        List<PopulationRow> rows = new ArrayList<>();
        LogSpectrogram spec = null;
        String specError = who.isEmpty() ? "No cell heard this stimulus" : null;
        ProgressMonitor quiet = new ProgressMonitor() {
            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
        for (int i = 0; i < who.size(); i++) {
            monitor.checkCancelled();
            Selection s = who.get(i);
            monitor.progress(i, who.size(), "Population: " + s.cell().session() + " (" + (i + 1) + " of " + who.size() + ")");
            SelectionData d = analyzer.compute(s, p, curation, quiet);
            if (spec == null) {
                spec = d.spectrogram();
                specError = d.spectrogramError();
            }
            rows.add(PopulationRow.of(d));
        }
        monitor.progress(who.size(), Math.max(1, who.size()), null);
        return new PopulationResponse(key, p, rows, spec, specError);
    }

    /** The rows in {@code order}. */
    public List<PopulationRow> sorted(Order order) {
        return rows.stream().sorted(order.comparator()).toList();
    }

    /** The rows of one signal type ({@code spiking} = spike rate in Hz, else Vm in mV) and site, in {@code order}. */
    public List<PopulationRow> block(boolean spiking, String site, Order order) {
        return sorted(order).stream().filter(r -> r.spiking() == spiking && r.site().equals(site)).toList();
    }

    /** The sites present, A1 before MGB. */
    public List<String> sites() {
        return rows.stream().map(PopulationRow::site).distinct().sorted().toList();
    }

    /** The number of bins of the longest row. */
    public int maxBins() {
        return rows.stream().mapToInt(r -> r.mean().length).max().orElse(0);
    }
}
