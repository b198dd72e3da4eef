package org.ac1explorer.archive;

import java.util.List;

/**
 * Identity of a stimulus across cells, used to de-duplicate: a Wehr stimulus is its category
 * folder and file index; an Asari stimulus is the exact tuple of its segment files.
 */
public record StimulusKey(String experimenter, String category, int idx, List<String> segmentFiles) {

    public StimulusKey {
        segmentFiles = List.copyOf(segmentFiles);
    }

    public static StimulusKey wehr(String category, int idx) {
        return new StimulusKey("wehr", category, idx, List.of());
    }

    public static StimulusKey asari(List<String> segmentFiles) {
        return new StimulusKey("asari", "", -1, segmentFiles);
    }

    @Override
    public String toString() {
        return experimenter.equals("wehr") ? "wehr/" + category + "/" + idx : "asari" + segmentFiles;
    }
}
