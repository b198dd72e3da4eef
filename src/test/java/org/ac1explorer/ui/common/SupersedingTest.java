package org.ac1explorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class SupersedingTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void resultOfAJobSupersededAfterItFinishedComputingIsDropped() throws Exception {
        BackgroundWork work = new BackgroundWork(2);
        List<String> seen = new CopyOnWriteArrayList<>();
        try {
            Superseding job = new Superseding(work);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                Task<?> first = job.run(Tasks.create(ctx -> "first")
                        .onSuccess(seen::add).onCancelled(() -> seen.add("first dropped")));
                // hold the JavaFX thread until the first job has computed its value: its success
                // callback is then queued, and only a guard can keep it from being delivered
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!first.isDone() && System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
                assertTrue(first.isDone(), "the first job finished computing");
                job.run(Tasks.create(ctx -> "second").onSuccess(seen::add));
                return null;
            });
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < 2 && System.nanoTime() < until) {
                WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            }
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(List.of("first dropped", "second"), List.copyOf(seen));
        } finally {
            work.shutdown();
        }
    }
}
