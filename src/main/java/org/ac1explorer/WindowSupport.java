package org.ac1explorer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Why the explorer window cannot open on this computer, as one line for stderr that names what is
 * missing, the package that brings it on Debian/Ubuntu and Fedora, and that every command works
 * without a window. Checked before JavaFX starts (no display, a Java without java.desktop, natives
 * for another processor) and read from JavaFX's start-up error (GTK 3 missing, a display that does
 * not open). A Debian/Fedora "-headless" Java is not refused: it lacks only AWT's X11 library,
 * which JavaFX does not use (the window runs on it, given GTK 3).
 * Pure decisions over a {@link Host}; no JavaFX class is touched.
 */
public final class WindowSupport {
    static final String COMMANDS = "every command works without a window (ac1-explorer --help lists them)";
    static final String NO_DISPLAY = "ac1-explorer: no display to open the window on (DISPLAY is not set: a server, "
            + "a container or an SSH session without -X); " + COMMANDS + ", or run the window under a virtual "
            + "display with xvfb-run (package xvfb on Debian/Ubuntu, xorg-x11-server-Xvfb on Fedora)";
    static final String NO_GTK = "ac1-explorer: the window needs GTK 3, which is not installed; install libgtk-3-0 "
            + "(Debian/Ubuntu: sudo apt install libgtk-3-0) or gtk3 (Fedora: sudo dnf install gtk3); " + COMMANDS;
    static final String NO_DESKTOP_MODULE = "ac1-explorer: this Java runtime has no java.desktop module (a minimal "
            + "or server runtime), which the window needs; install a full Java 17+: openjdk-17-jre (Debian/Ubuntu) or "
            + "java-17-openjdk (Fedora); " + COMMANDS;

    private WindowSupport() {
    }

    /**
     * What start-up depends on, read from outside JavaFX.
     *
     * @param osName        {@code os.name}
     * @param osArch        {@code os.arch}
     * @param display       the {@code DISPLAY} environment variable, or null
     * @param noDesktop     the Java runtime lacks the java.desktop module (a jlink'd minimal runtime)
     * @param macNativeArch processor of the macOS JavaFX natives in the jar ("x86_64", "arm64"), or null
     */
    public record Host(String osName, String osArch, String display, boolean noDesktop, String macNativeArch) {
        boolean isMac() {
            return osName.toLowerCase(Locale.ROOT).startsWith("mac");
        }

        boolean isWindows() {
            return osName.toLowerCase(Locale.ROOT).startsWith("windows");
        }

        /** Linux and the other X11 systems. */
        boolean usesX11() {
            return !isMac() && !isWindows();
        }
    }

    /** The line to print instead of starting JavaFX, or empty when the window can try to open. */
    public static Optional<String> beforeStart(Host h) {
        if (h.usesX11() && (h.display() == null || h.display().isBlank())) {
            return Optional.of(NO_DISPLAY);
        }
        if (h.noDesktop()) {
            return Optional.of(NO_DESKTOP_MODULE);
        }
        if (h.isMac() && h.macNativeArch() != null && !h.macNativeArch().equals(macArch(h.osArch()))) {
            return Optional.of("ac1-explorer: this jar carries the macOS window libraries for "
                    + (h.macNativeArch().equals("arm64") ? "Apple silicon" : "Intel") + " Macs, and this Java runs on "
                    + (macArch(h.osArch()).equals("arm64") ? "Apple silicon" : "Intel")
                    + "; use the AC1 Explorer .dmg, or build the jar on this Mac (mvn -DskipTests package); "
                    + COMMANDS);
        }
        return Optional.empty();
    }

    /** The line for an error JavaFX threw while starting, or empty when it is not one of the known causes. */
    public static Optional<String> fromStartError(Throwable e, Host h) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("Unable to load glass GTK library")) {
                return Optional.of(NO_GTK);
            }
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of("ac1-explorer: the display " + h.display() + " does not open (is the X server "
                        + "running, and is this user allowed on it?); " + COMMANDS);
            }
        }
        return Optional.empty();
    }

    /** The running computer, for {@link #beforeStart} and {@link #fromStartError}. */
    public static Host current() {
        String os = System.getProperty("os.name", "");
        boolean noDesktop = ModuleLayer.boot().findModule("java.desktop").isEmpty();
        return new Host(os, System.getProperty("os.arch", ""), System.getenv("DISPLAY"), noDesktop,
                os.toLowerCase(Locale.ROOT).startsWith("mac") ? machOArch("/libglass.dylib") : null);
    }

    static String macArch(String osArch) {
        return osArch.equals("aarch64") || osArch.equals("arm64") ? "arm64" : "x86_64";
    }

    /** The processor of a Mach-O library on the class path (its header's cpu type), or null when absent or universal. */
    static String machOArch(String resource) {
        try (InputStream in = WindowSupport.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] head = in.readNBytes(8);
            return head.length < 8 ? null : machOArch(head);
        } catch (IOException e) {
            return null;
        }
    }

    /** "x86_64" or "arm64" for a thin little-endian 64-bit Mach-O header, else null. */
    static String machOArch(byte[] head) {
        int magic = (head[0] & 0xff) | (head[1] & 0xff) << 8 | (head[2] & 0xff) << 16 | (head[3] & 0xff) << 24;
        if (magic != 0xfeedfacf) {
            return null;
        }
        int cpu = (head[4] & 0xff) | (head[5] & 0xff) << 8 | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 24;
        return switch (cpu) {
            case 0x01000007 -> "x86_64";
            case 0x0100000c -> "arm64";
            default -> null;
        };
    }
}
