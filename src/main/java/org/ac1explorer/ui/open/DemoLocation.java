package org.ac1explorer.ui.open;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the built-in demo dataset is generated: {@code %LOCALAPPDATA%\ac1-explorer\demo-<version>}
 * on Windows, else {@code $XDG_CACHE_HOME/ac1-explorer/demo-<version>} (default
 * {@code ~/.cache}).
 */
public final class DemoLocation {
    private DemoLocation() {
    }

    public static Path defaultDir(String version) {
        return cacheBase().resolve("ac1-explorer").resolve("demo-" + version.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    static Path cacheBase() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            if (local != null && !local.isBlank()) {
                return Path.of(local);
            }
            return Path.of(System.getProperty("user.home"), "AppData", "Local");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(System.getProperty("user.home"), ".cache");
    }
}
