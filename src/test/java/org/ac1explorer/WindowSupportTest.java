package org.ac1explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WindowSupportTest {
    private static WindowSupport.Host linux(String display, boolean noDesktop) {
        return new WindowSupport.Host("Linux", "amd64", display, noDesktop, null);
    }

    private static void assertOneHelpfulLine(String line) {
        assertFalse(line.contains("\n"), line);
        assertTrue(line.startsWith("ac1-explorer: "), line);
        assertTrue(line.contains("every command works without a window"), line);
    }

    @Test
    void aLinuxWithoutDisplayIsToldSoWithTheVirtualDisplayPackages() {
        for (String display : new String[] {null, "", " "}) {
            String m = WindowSupport.beforeStart(linux(display, false)).orElseThrow();
            assertOneHelpfulLine(m);
            assertTrue(m.contains("DISPLAY is not set"), m);
            assertTrue(m.contains("xvfb") && m.contains("xorg-x11-server-Xvfb"), m);
        }
    }

    @Test
    void aJavaWithoutTheDesktopModuleIsToldWhichPackageToInstall() {
        String m = WindowSupport.beforeStart(linux(":0", true)).orElseThrow();
        assertOneHelpfulLine(m);
        assertTrue(m.contains("java.desktop") && m.contains("openjdk-17-jre") && m.contains("java-17-openjdk"), m);
        m = WindowSupport.beforeStart(new WindowSupport.Host("Windows 11", "amd64", null, true, null)).orElseThrow();
        assertTrue(m.contains("java.desktop"), m);
    }

    @Test
    void thisJavaHasTheDesktopModule() {
        assertFalse(WindowSupport.current().noDesktop());
    }

    @Test
    void aLinuxWithDisplayAndFullJavaTriesTheWindow() {
        assertEquals(Optional.empty(), WindowSupport.beforeStart(linux(":0", false)));
    }

    @Test
    void windowsAndMacNeedNoDisplayVariable() {
        assertEquals(Optional.empty(), WindowSupport.beforeStart(new WindowSupport.Host("Windows 11", "amd64", null, false, null)));
        assertEquals(Optional.empty(), WindowSupport.beforeStart(new WindowSupport.Host("Mac OS X", "aarch64", null, false, "arm64")));
    }

    @Test
    void aMacWhoseProcessorDiffersFromTheJarsNativesIsToldSo() {
        String m = WindowSupport.beforeStart(new WindowSupport.Host("Mac OS X", "x86_64", null, false, "arm64")).orElseThrow();
        assertOneHelpfulLine(m);
        assertTrue(m.contains("Apple silicon") && m.contains("Intel") && m.contains(".dmg"), m);
        assertEquals(Optional.empty(), WindowSupport.beforeStart(new WindowSupport.Host("Mac OS X", "x86_64", null, false, "x86_64")));
    }

    @Test
    void theMachOHeaderGivesTheProcessorOfTheMacNatives() {
        byte[] arm = {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 0x0c, 0, 0, 0x01};
        byte[] intel = {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 0x07, 0, 0, 0x01};
        byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
        assertEquals("arm64", WindowSupport.machOArch(arm));
        assertEquals("x86_64", WindowSupport.machOArch(intel));
        assertEquals(null, WindowSupport.machOArch(elf));
        assertEquals(null, WindowSupport.machOArch("/no-such-library.dylib"));
    }

    @Test
    void javafxStartErrorsBecomeOneLineNamingWhatIsMissing() {
        WindowSupport.Host h = linux(":1", false);
        String gtk = WindowSupport.fromStartError(new UnsupportedOperationException("Unable to load glass GTK library."), h).orElseThrow();
        assertOneHelpfulLine(gtk);
        assertTrue(gtk.contains("GTK 3") && gtk.contains("libgtk-3-0") && gtk.contains("gtk3"), gtk);
        String display = WindowSupport.fromStartError(new RuntimeException("launch",
                new UnsupportedOperationException("Unable to open DISPLAY")), h).orElseThrow();
        assertOneHelpfulLine(display);
        assertTrue(display.contains(":1"), display);
        assertEquals(Optional.empty(), WindowSupport.fromStartError(new IllegalStateException("a bug"), h));
    }

    @Test
    void withoutDisplayTheWholeProgramPrintsOneLineAndExits1() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dos.name=Linux", Main.class.getName()));
        pb.environment().remove("DISPLAY");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the program exits");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertEquals("", out);
        assertEquals(WindowSupport.NO_DISPLAY, err);
    }
}
