package org.ac1explorer.explore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.CellStimulus;
import org.ac1explorer.dataset.CohortDigest;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.Reliability;

/** The dataset-wide counters of the explorer (gating counts, kept repeats and CC_max per cell x stimulus) from a cohort digest. */
public final class CohortCounts {
    private CohortCounts() {
    }

    /** The counters at {@code p} from a digest that serves it, as an export at {@code p} would hold them. */
    public static DatasetCounts of(CohortDigest digest, List<CellRecord> cells, Params p) {
        Map<String, Integer> kept = new HashMap<>();
        for (CellRecord c : cells) {
            if (DatasetAssembler.selects(p, c)) {
                for (CellStimulus st : c.stimuli()) {
                    kept.put(DatasetCounts.key(c.id(), st.key()), 0);
                }
            }
        }
        CohortDigest.Grid g = digest.grid(p.gating());
        if (g.neurons().isEmpty()) {
            return new DatasetCounts(p, g.rejections(), 0, 0, g.droppedCells(), "", Map.copyOf(kept),
                    List.of(DatasetAssembler.noCellsMessage(p, cells.size(), g)));
        }
        int[] t = new int[g.stimuli().size()];
        for (int s = 0; s < t.length; s++) {
            t[s] = CohortDigest.spectrogramT(g, s, p);
        }
        Map<String, Double> ccMax = new HashMap<>();
        List<List<float[][]>> byCell = new ArrayList<>();
        g.neurons().forEach(c -> byCell.add(new ArrayList<>()));
        for (int k = 0; k < g.placedAt().size(); k++) {
            int s = g.placedAt().get(k)[0];
            int n = g.placedAt().get(k)[1];
            float[][] r = DatasetAssembler.cutColumns(g.placedBlock().get(k), t[s]);
            String key = DatasetCounts.key(g.neurons().get(n).id(), g.stimuli().get(s).first().stimulus().key());
            kept.put(key, r.length);
            ccMax.put(key, Reliability.ccMax(r));
            byCell.get(n).add(r);
        }
        for (int n = 0; n < g.neurons().size(); n++) {
            ccMax.put(g.neurons().get(n).id(), Reliability.pooled(byCell.get(n)).ccMax());
        }
        return new DatasetCounts(p, g.rejections(), g.neurons().size(), g.stimuli().size(), g.droppedCells(),
                CohortDigest.signalType(g), Map.copyOf(kept), CohortDigest.warnings(g, p, true), Map.copyOf(ccMax));
    }
}
