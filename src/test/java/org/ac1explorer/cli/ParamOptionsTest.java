package org.ac1explorer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParamOptionsTest {
    @Test
    void fminAboveTheDefaultFmaxNamesFminAndTheFmaxItConflictsWith() {
        CliRun r = CliRun.of("summary", "--data", "x", "--fmin", "50000");
        assertEquals(2, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("--fmin: ") && r.err().contains("below fmax (45000 Hz; got 50000)"), r.err());
    }

    @Test
    void fmaxBelowTheDefaultFminNamesFmax() {
        CliRun r = CliRun.of("summary", "--data", "x", "--fmax", "50");
        assertTrue(r.err().contains("--fmax: must be above fmin (100 Hz; got 50)"), r.err());
    }

    @Test
    void bothSetAndConflictingNamesTheFirstReported() {
        CliRun r = CliRun.of("summary", "--data", "x", "--fmin", "500", "--fmax", "400");
        assertTrue(r.err().contains("--fmax: must be above fmin (500 Hz; got 400)"), r.err());
    }
}
