package org.ac1explorer.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Task;
import org.ac1explorer.ui.common.BackgroundWork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class StatusModelTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Task<String> job(String title, CountDownLatch release) {
        Task<String> t = new Task<>() {
            @Override
            protected String call() throws Exception {
                updateTitle(title);
                updateMessage("step 1");
                release.await(20, TimeUnit.SECONDS);
                return "done";
            }
        };
        return t;
    }

    @Test
    void aJobThatEndsWithinTheQuietPeriodChangesNothingOnScreen() throws Exception {
        BackgroundWork work = new BackgroundWork(1);
        try {
            StatusModel status = WaitForAsyncUtils.waitForAsyncFx(10_000, StatusModel::new);
            List<String> messages = new CopyOnWriteArrayList<>();
            List<Boolean> shown = new CopyOnWriteArrayList<>();
            CountDownLatch release = new CountDownLatch(1);
            release.countDown();
            Task<String> t = job("Opening demo dataset", release);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                status.messageProperty().addListener((o, a, m) -> messages.add(m));
                status.progressShownProperty().addListener((o, a, b) -> shown.add(b));
                status.track(t);
                assertTrue(status.isBusy(), "Cancel works from the start");
                return null;
            });
            work.submit(t);
            t.get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.sleep((long) StatusModel.QUIET.toMillis() + 300, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(WaitForAsyncUtils.waitForAsyncFx(10_000, status::isBusy));
            assertEquals(List.of(), shown, "the progress bar never appeared");
            assertTrue(messages.stream().noneMatch(m -> m.startsWith("Opening")), messages.toString());
        } finally {
            work.shutdown();
        }
    }

    @Test
    void aLongerJobShowsItsMessageAndProgressAfterTheQuietPeriodUntilItEnds() throws Exception {
        BackgroundWork work = new BackgroundWork(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            StatusModel status = WaitForAsyncUtils.waitForAsyncFx(10_000, StatusModel::new);
            Task<String> t = job("Exporting", release);
            WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
                status.track(t);
                return null;
            });
            work.submit(t);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!WaitForAsyncUtils.waitForAsyncFx(10_000, () -> status.progressShownProperty().get()) && System.nanoTime() < until) {
                WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
            }
            assertTrue(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> status.progressShownProperty().get()));
            assertEquals("Exporting: step 1", WaitForAsyncUtils.waitForAsyncFx(10_000, () -> status.messageProperty().get()));
            release.countDown();
            t.get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(WaitForAsyncUtils.waitForAsyncFx(10_000, () -> status.progressShownProperty().get()));
            assertFalse(WaitForAsyncUtils.waitForAsyncFx(10_000, status::isBusy));
        } finally {
            release.countDown();
            work.shutdown();
        }
    }
}
