package org.ac1explorer.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class DialogsTest {

    @Test
    void reasonUnwrapsTheForkJoinCopyToTheWorkersOwnMessage() {
        IllegalStateException original = new IllegalStateException("matrix is singular");
        IllegalStateException copy = new IllegalStateException(original.toString(), original);
        assertEquals("matrix is singular", Dialogs.reason(copy));
    }

    @Test
    void reasonForOutOfMemorySaysWhatToTry() {
        assertEquals("out of memory; fewer bands", Dialogs.reason(new OutOfMemoryError("Java heap space"), "fewer bands"));
        assertEquals("out of memory; start with a larger heap, e.g. java -Xmx4g -jar ac1-explorer.jar",
                Dialogs.reason(new OutOfMemoryError()));
    }

    @Test
    void reasonNamesTheFailureWhenItHasNoMessage() {
        assertEquals("IllegalArgumentException", Dialogs.reason(new IllegalArgumentException(" ")));
        assertEquals("/x/y.mat does not exist", Dialogs.reason(new NoSuchFileException("/x/y.mat")));
    }
}
