package org.ac1explorer.explore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.Reliability;
import org.junit.jupiter.api.Test;

/** The population view of one stimulus on the fixture dataset. */
class PopulationResponseTest {

    /** The stimulus heard by the most cells of the fixture. */
    private static StimulusKey mostHeard(List<CellRecord> cells) {
        return cells.stream().flatMap(c -> c.stimuli().stream().map(CellStimulus::key))
                .collect(Collectors.groupingBy(k -> k, Collectors.counting())).entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void handDecisionsLeaveExcludedCellsOutAndChangeTheCuratedMean() throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            List<CellRecord> cells = archive.cells();
            Params p = Params.defaults();
            StimulusKey key = null;
            for (CellRecord c : cells) {
                for (CellStimulus st : c.stimuli()) {
                    if (cells.stream().filter(o -> o.stimuli().stream().anyMatch(x -> x.key().equals(st.key()))).count() >= 2) {
                        key = st.key();
                    }
                }
            }
            org.junit.jupiter.api.Assertions.assertNotNull(key, "the mini fixture has a stimulus heard by two cells");
            PopulationResponse plain = PopulationResponse.compute(new SelectionAnalyzer(archive), cells, key, p, ProgressMonitor.NONE);
            PopulationRow gone = plain.rows().get(0);
            PopulationRow changed = plain.rows().get(1);
            org.ac1explorer.curation.Curation c = org.ac1explorer.curation.Curation.EMPTY
                    .with(new org.ac1explorer.curation.CellExclusion(gone.cell().session(), "unstable"))
                    .with(new org.ac1explorer.curation.RepeatOverride(new org.ac1explorer.curation.RepeatKey(
                            changed.cell().session(), changed.selection().stimulus().info().description(), 1),
                            org.ac1explorer.curation.HandVerdict.REJECT, ""));
            PopulationResponse curated = PopulationResponse.compute(new SelectionAnalyzer(archive), cells, key, p, c,
                    ProgressMonitor.NONE);
            assertEquals(plain.rows().size() - 1, curated.rows().size());
            assertTrue(curated.rows().stream().noneMatch(r -> r.cell().equals(gone.cell())), "the excluded cell is left out");
            PopulationRow after = curated.rows().stream().filter(r -> r.cell().equals(changed.cell())).findFirst().orElseThrow();
            SelectionData d = new SelectionAnalyzer(archive).compute(changed.selection(), p, c, ProgressMonitor.NONE);
            assertArrayEquals(d.mean(), after.mean(), 0.0, "the row is the curated mean");
            assertEquals(changed.kept() - (d.verdicts().get(0).reason() == org.ac1explorer.dsp.GateReason.KEPT ? 1 : 0),
                    after.kept());
        }
    }

    @Test
    void listsExactlyTheCellsThatHeardTheStimulusWithEachCellsBinnedMean() throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            List<CellRecord> cells = archive.cells();
            Params p = Params.defaults();
            for (StimulusKey key : cells.stream().flatMap(c -> c.stimuli().stream().map(CellStimulus::key))
                    .collect(Collectors.toCollection(java.util.LinkedHashSet::new))) {
                PopulationResponse pop = PopulationResponse.compute(new SelectionAnalyzer(archive), cells, key, p,
                        ProgressMonitor.NONE);
                Set<String> expected = new HashSet<>();
                for (CellRecord c : cells) {
                    if (c.stimuli().stream().anyMatch(s -> s.key().equals(key))) {
                        expected.add(c.id());
                    }
                }
                Set<String> listed = pop.rows().stream().map(r -> r.cell().id()).collect(Collectors.toSet());
                assertEquals(expected, listed, "listeners of " + key);
                assertEquals(expected.size(), pop.rows().size(), "one row per cell");
                // each row is the cell's binned mean from the per-cell pipeline, with its reliability
                SelectionAnalyzer fresh = new SelectionAnalyzer(archive);
                for (PopulationRow r : pop.rows()) {
                    assertEquals(key, r.selection().stimulus().key());
                    SelectionData d = fresh.compute(r.selection(), p, ProgressMonitor.NONE);
                    assertArrayEquals(d.mean(), r.mean(), 0.0, r.cell().id());
                    if (d.binnedKept().length >= 2) {
                        assertEquals(Reliability.ccMax(d.binnedKept()), r.ccMax(), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void rowsAreGroupedBySignalTypeAndSite() throws Exception {
        try (Ac1Archive archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE)) {
            List<CellRecord> cells = archive.cells();
            StimulusKey key = mostHeard(cells);
            PopulationResponse pop = PopulationResponse.compute(new SelectionAnalyzer(archive), cells, key,
                    Params.defaults(), ProgressMonitor.NONE);
            int total = 0;
            for (boolean spiking : new boolean[] {false, true}) {
                for (String site : pop.sites()) {
                    List<PopulationRow> block = pop.block(spiking, site, PopulationResponse.Order.CC_MAX);
                    total += block.size();
                    for (PopulationRow r : block) {
                        assertEquals(spiking, r.spiking());
                        assertEquals(site, r.site());
                        assertEquals(spiking ? "Hz" : "mV", r.unit());
                    }
                }
            }
            assertEquals(pop.rows().size(), total, "every row in exactly one block");
        }
    }

    private static PopulationRow row(String session, double cc, double peakMs, double strength) {
        StimulusKey k = new StimulusKey("asari", "seq", 1, List.of());
        org.ac1explorer.archive.StimulusInfo info = new org.ac1explorer.archive.StimulusInfo(k, "asari", "seq", "seq 1",
                1000, 1, null, List.of(), List.of());
        CellRecord c = new CellRecord("asari", "asari-results-1", session, "a", "1", "2005", "A1", "whole-cell", -1,
                List.of());
        return new PopulationRow(new Selection(c, new CellStimulus(info, List.of())), new double[] {1}, 2, 2, cc, peakMs,
                strength, null);
    }

    private static List<String> ids(List<PopulationRow> rows) {
        return rows.stream().map(r -> r.cell().session()).toList();
    }

    @Test
    void sortingOrdersByTheDefinedKeysWithUndefinedLast() {
        PopulationRow a = row("a", 0.9, 30, 1.0);
        PopulationRow b = row("b", 0.5, 10, 3.0);
        PopulationRow c = row("c", Double.NaN, Double.NaN, Double.NaN);
        PopulationRow d = row("d", 0.7, 20, 2.0);
        PopulationResponse pop = new PopulationResponse(null, Params.defaults(), List.of(c, a, b, d), null, null);
        assertEquals(List.of("a", "d", "b", "c"), ids(pop.sorted(PopulationResponse.Order.CC_MAX)));
        assertEquals(List.of("b", "d", "a", "c"), ids(pop.sorted(PopulationResponse.Order.PEAK_LATENCY)));
        assertEquals(List.of("b", "d", "a", "c"), ids(pop.sorted(PopulationResponse.Order.STRENGTH)));
        assertFalse(pop.sorted(PopulationResponse.Order.CC_MAX).isEmpty());
    }

    @Test
    void peakLatencyAndStrengthFollowTheirDefinitions() {
        // bins of 5 ms: the largest value in bin 2 -> centre 12.5 ms; s.d. over bins of {0, 1, 3, 0}
        double[] m = {0, 1, 3, 0};
        double mu = 1.0;
        double sd = Math.sqrt(((0 - mu) * (0 - mu) + 0 + (3 - mu) * (3 - mu) + (0 - mu) * (0 - mu)) / 4);
        PopulationRow r = PopulationRow.of(row("x", 0, 0, 0).selection(), m, new float[1][4], 1, 5.0, null);
        assertEquals(12.5, r.peakLatencyMs(), 1e-12);
        assertEquals(sd, r.strength(), 1e-12);
        assertTrue(Double.isNaN(r.ccMax()), "fewer than 2 repeats: undefined");
    }
}
