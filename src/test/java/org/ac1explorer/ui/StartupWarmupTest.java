package org.ac1explorer.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupWarmupTest {
    @Test
    void classListNamesTheWindowsClassesAndTheyLoad() {
        List<String> names = Arrays.asList(StartupWarmup.classNames());
        assertTrue(names.size() > 1000, "a list from tools/startup/classlist.sh: " + names.size() + " names");
        assertTrue(names.contains(MainWindow.class.getName()), "the window's own classes are listed");
        long missing = names.stream().filter(n -> {
            try {
                Class.forName(n, false, StartupWarmup.class.getClassLoader());
                return false;
            } catch (ClassNotFoundException | LinkageError e) {
                return true;
            }
        }).count();
        // a few may go stale between regenerations; many mean the list must be regenerated
        assertTrue(missing * 50 < names.size(), missing + " of " + names.size()
                + " listed classes are gone: run tools/startup/classlist.sh");
    }
}
