package org.ac1explorer.explore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.ac1explorer.Fixtures;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.dataset.Params;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectionAnalyzerTest {
    /** Takes the prefetch and never runs it: whoever waits for it would wait forever. */
    private static final Executor NEVER_RUNS = r -> {
    };

    private Ac1Archive archive;
    private SelectionAnalyzer an;
    private Selection sel;

    @BeforeEach
    void openMini() throws Exception {
        archive = Ac1Archive.open(Fixtures.mini(), ProgressMonitor.NONE);
        an = new SelectionAnalyzer(archive);
        CellRecord c = archive.cells().get(0);
        sel = new Selection(c, c.stimuli().get(0));
    }

    @AfterEach
    void close() throws Exception {
        archive.close();
    }

    @Test
    void computeJoinsThePrefetchOfTheSameSelectionKnobsAndCuration() throws Exception {
        AtomicInteger started = new AtomicInteger();
        an.prefetch(sel, Params.defaults(), Curation.EMPTY, r -> {
            started.incrementAndGet();
            new Thread(r).start();
        });
        SelectionData d = an.compute(sel, Params.defaults(), Curation.EMPTY, ProgressMonitor.NONE);
        SelectionData again = an.compute(sel, Params.defaults(), Curation.EMPTY, ProgressMonitor.NONE);
        assertEquals(1, started.get());
        assertNotSame(d, again, "the prefetched result is handed out once; later calls compute (from the caches)");
        assertEquals(d.keptCount(), again.keptCount());
    }

    @Test
    void otherKnobsThanPrefetchedAreComputedAnew() throws Exception {
        an.prefetch(sel, Params.defaults(), Curation.EMPTY, NEVER_RUNS);
        Params other = Params.defaults().withMinXcorr(0.3);
        assertEquals(other, an.compute(sel, other, Curation.EMPTY, ProgressMonitor.NONE).params());
    }

    @Test
    void waitingForAPrefetchEndsWhenCancelled() throws Exception {
        an.prefetch(sel, Params.defaults(), Curation.EMPTY, NEVER_RUNS);
        ProgressMonitor cancelled = new ProgressMonitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancellationException.class,
                () -> an.compute(sel, Params.defaults(), Curation.EMPTY, cancelled));
    }

    @Test
    void computeWaitsForTheRunningPrefetchInsteadOfStartingAgain() throws Exception {
        Runnable[] held = new Runnable[1];
        an.prefetch(sel, Params.defaults(), Curation.EMPTY, r -> held[0] = r);
        long[] doneAt = new long[1];
        Thread asker = new Thread(() -> {
            an.compute(sel, Params.defaults(), Curation.EMPTY, ProgressMonitor.NONE);
            doneAt[0] = System.nanoTime();
        });
        asker.start();
        Thread.sleep(300);
        long releasedAt = System.nanoTime();
        held[0].run();
        asker.join(30_000);
        assertTrue(doneAt[0] >= releasedAt, "compute returned before the prefetch it should wait for had run");
    }

    @Test
    void readyHandsOverAFinishedPrefetchOnceAndOnlyForItsKnobs() {
        assertNull(an.ready(sel, Params.defaults(), Curation.EMPTY), "nothing was prefetched");
        Runnable[] held = new Runnable[1];
        an.prefetch(sel, Params.defaults(), Curation.EMPTY, r -> held[0] = r);
        assertNull(an.ready(sel, Params.defaults(), Curation.EMPTY), "the prefetch has not run yet");
        held[0].run();
        assertNull(an.ready(sel, Params.defaults().withMinXcorr(0.3), Curation.EMPTY), "other knobs");
        SelectionData d = an.ready(sel, Params.defaults(), Curation.EMPTY);
        assertNotNull(d);
        assertEquals(sel, d.selection());
        assertNull(an.ready(sel, Params.defaults(), Curation.EMPTY), "handed over once");
    }
}
