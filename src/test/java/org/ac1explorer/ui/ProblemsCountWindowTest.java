package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.stage.Stage;
import org.ac1explorer.cli.Cli;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The explorer's Problems list and the summary command count the same things on the same data. */
class ProblemsCountWindowTest extends DemoWindowTest {
    @Start
    void start(Stage stage) {
        showWindow(stage);
    }

    @Test
    void theProblemsCountOfTheWindowEqualsSummarysOnTheDemo() {
        openDemo();
        waitUntil("the cohort is counted", 60, () -> window.model().counts() != null
                && !window.controllers().counts().runningProperty().get());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run(new String[] {"summary", "--data", demo.toString()});
        assertEquals(0, status);
        Matcher m = Pattern.compile("(?m)^Problems: (\\d+)$").matcher(out.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), out.toString(StandardCharsets.UTF_8));
        int summary = Integer.parseInt(m.group(1));
        assertTrue(summary > 0, "the demo has problems to count");
        assertEquals(summary, (int) fx(() -> window.model().problems().size()));
        assertEquals("Problems (" + summary + ")", fx(() -> window.views().problems().getText()));
    }
}
