package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CliOptionsTest {
    private static final Set<String> SUMMARY = Set.of("data", "dt-ms", "fmin", "fmax", "bins-per-octave", "window-ms",
            "detrend-med-ms", "detrend-gauss-ms", "min-xcorr");

    @Test
    void anUnknownOptionCloseToAKnownOneSuggestsIt() {
        for (String typed : new String[] {"--dt", "--dtms", "--dt_ms", "--DT-MS"}) {
            CliRun r = CliRun.of("summary", "--data", "x", typed, "5");
            assertEquals(2, r.status(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("unknown option " + typed) && r.err().contains("did you mean --dt-ms?"), r.err());
        }
        assertTrue(CliRun.of("export", "--data", "x", "--out", "y.mat", "--forse").err().contains("did you mean --force?"));
        assertTrue(CliRun.of("summary", "--data", "x", "--bins-per-octav", "6").err().contains("did you mean --bins-per-octave?"));
    }

    @Test
    void anUnrelatedUnknownOptionSuggestsNothing() {
        CliRun r = CliRun.of("summary", "--data", "x", "--bogus", "1");
        assertTrue(r.err().contains("unknown option --bogus"), r.err());
        assertFalse(r.err().contains("did you mean"), r.err());
        assertNull(CliOptions.closest("zzz", SUMMARY, Set.of()));
        assertNull(CliOptions.closest("d", SUMMARY, Set.of()), "d begins several options");
    }

    @Test
    void anOptionFollowedByAnotherOptionIsToldItNeedsAValue() {
        CliRun r = CliRun.of("summary", "--data", "--dt-ms", "5");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--data needs a value"), r.err());
        assertTrue(CliRun.of("summary", "--data").err().contains("--data needs a value"));
    }

    @Test
    void negativeNumbersAreStillValues() {
        CliRun r = CliRun.of("summary", "--data", "x", "--min-xcorr", "-0.5", "--dt-ms", "-1");
        assertTrue(r.err().contains("--dt-ms: time bin must be > 0"), r.err());
    }
}
