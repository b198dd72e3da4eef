package org.ac1explorer.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CurationHistoryTest {

    private static final RepeatKey TWO = new RepeatKey("cell-1", "stim", 2);

    @Test
    void undoAndRedoRoundTrip() {
        CurationHistory h = new CurationHistory(Curation.EMPTY);
        Curation rejected = Curation.EMPTY.with(new RepeatOverride(TWO, HandVerdict.REJECT, "drift"));
        Curation excluded = rejected.with(new CellExclusion("cell-9", "unstable"));
        h.apply(rejected);
        h.apply(excluded);
        assertTrue(h.undo());
        assertEquals(rejected, h.current());
        assertTrue(h.undo());
        assertEquals(Curation.EMPTY, h.current());
        assertFalse(h.undo());
        assertTrue(h.redo());
        assertTrue(h.redo());
        assertEquals(excluded, h.current());
        assertFalse(h.redo());
    }

    @Test
    void aNewChangeAfterUndoClearsRedo() {
        CurationHistory h = new CurationHistory(Curation.EMPTY);
        h.apply(Curation.EMPTY.with(new RepeatOverride(TWO, HandVerdict.REJECT, "")));
        h.undo();
        h.apply(Curation.EMPTY.with(new RepeatOverride(TWO, HandVerdict.KEEP, "")));
        assertFalse(h.canRedo());
    }

    @Test
    void aSecondVerdictOnTheSameRepeatReplacesTheFirst() {
        Curation c = Curation.EMPTY.with(new RepeatOverride(TWO, HandVerdict.REJECT, "a"))
                .with(new RepeatOverride(TWO, HandVerdict.KEEP, "b"));
        assertEquals(1, c.overrides().size());
        assertEquals(HandVerdict.KEEP, c.override(TWO).orElseThrow().verdict());
        assertTrue(c.without(TWO).isEmpty());
    }
}
