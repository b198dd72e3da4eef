package org.ac1explorer.archive;

import java.util.List;
import java.util.Locale;

/**
 * One recorded cell from the index: who recorded it and where, and the stimuli it heard with
 * their repeats (traces are not held). {@code part} tells which tree holds its trial files
 * ({@code wehr}, {@code asari-results-1}, {@code asari-results-2}); {@code penetration} is the
 * session name's third part as written; {@code recordingType} is lower case with '-' for spaces;
 * {@code site} is {@code A1} or {@code MGB}; {@code wehrCellIdx} is -1 for Asari cells.
 */
public record CellRecord(String experimenter, String part, String session, String animalId, String penetration,
                         String date, String site, String recordingType, int wehrCellIdx,
                         List<CellStimulus> stimuli) {

    public CellRecord {
        stimuli = List.copyOf(stimuli);
    }

    /** {@code spikes} for cell-attached recordings, otherwise {@code subthresh} (membrane potential). */
    public String signalType() {
        return recordingType.toLowerCase(Locale.ROOT).contains("attached") ? "spikes" : "subthresh";
    }

    public boolean isSpiking() {
        return signalType().equals("spikes");
    }

    public int repeatCount() {
        return stimuli.stream().mapToInt(s -> s.repeats().size()).sum();
    }

    /**
     * The penetration as a number when the reference stores one (Python {@code int()} of the
     * session's third part for Wehr; Asari only when it is all digits), else null (kept as text).
     */
    public Integer penetrationNumber() {
        if (experimenter.equals("wehr") || TrialText.isDigits(penetration)) {
            return TrialText.parsePythonInt(penetration);
        }
        return null;
    }

    /** A stable identifier across loads: experimenter and session. */
    public String id() {
        return experimenter + "/" + session;
    }
}
