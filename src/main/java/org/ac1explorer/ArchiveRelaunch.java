package org.ac1explorer;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Starts the window in a second JVM that maps the class-data archive the build wrote beside the
 * jar ({@code ac1-explorer-<java.vm.version>.jsa}, dumped by {@code mvn package} from the start-up
 * class list): the classes and lambdas the first frame needs then come already parsed, verified
 * and linked, which on two cores brought the window up ~0.6 s sooner. {@code java -jar} cannot
 * carry the JVM option that names an archive, so this process only starts the second one with the
 * same java, options and arguments (plus {@link #LATER_C2}), waits, and exits with its status.
 * Nothing happens (the window opens in this JVM) when there is no archive for this exact JVM
 * build, when it is older than the jar, when the user chose class-data options, or with
 * {@code -Dac1.relaunch=false}.
 */
public final class ArchiveRelaunch {
    /** Set in the second JVM, so that it never starts a third. */
    static final String RELAUNCHED = "ac1.relaunched";
    /** When the first JVM started (ms since the epoch), given to the second: start-up is timed from the user's launch. */
    public static final String LAUNCHED_AT = "ac1.launchedAt";

    private ArchiveRelaunch() {
    }

    /** Whether this JVM is the window's second JVM, started with the class-data archive. */
    public static boolean isRelaunched() {
        return Boolean.getBoolean(RELAUNCHED);
    }

    /**
     * Held back from the optimising compiler until a method is about a hundred times hotter than
     * HotSpot's defaults ask (loops: 4 million iterations): at start-up it otherwise spends as much CPU
     * as the window itself on code that runs only then (CSS, layout, class linking); the analysis
     * loops run millions of iterations per repeat and still reach it within the first selection.
     */
    static final List<String> LATER_C2 = List.of("-XX:Tier4InvocationThreshold=400000",
            "-XX:Tier4MinInvocationThreshold=60000", "-XX:Tier4CompileThreshold=450000", "-XX:Tier4BackEdgeThreshold=4000000");

    /**
     * What the decision depends on, read from this process: its java executable and command-line
     * arguments, the jar it runs from (null: classes from a folder), the JVM build, whether it is
     * already the second JVM or relaunching is off, and when it started (ms since the epoch; -1:
     * not needed, only the start-up report reads it).
     */
    record Launch(String javaCommand, List<String> arguments, Path jar, String vmVersion, boolean relaunched,
                  boolean enabled, long startedAtMillis) {
    }

    /** The archive the build made for JVM build {@code vmVersion}, beside {@code jar}. */
    static Path archiveFor(Path jar, String vmVersion) {
        return jar.resolveSibling("ac1-explorer-" + vmVersion + ".jsa");
    }

    /**
     * The command of the second JVM, or empty when the window should open in this one: the same
     * java and arguments with the archive's options in front ({@code -Xlog:cds=off}: a JVM that
     * cannot map the archive runs without it, silently).
     */
    static Optional<List<String>> command(Launch l) {
        if (!l.enabled() || l.relaunched() || l.javaCommand() == null || l.jar() == null
                || l.arguments().stream().anyMatch(a -> a.startsWith("-XX:SharedArchiveFile")
                || a.startsWith("-Xshare") || a.startsWith("-XX:ArchiveClassesAtExit"))) {
            return Optional.empty();
        }
        Path archive = archiveFor(l.jar(), l.vmVersion());
        try {
            if (!Files.isRegularFile(archive)
                    || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(l.jar())) < 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(l.javaCommand());
        cmd.add("-XX:SharedArchiveFile=" + archive);
        cmd.add("-Xlog:cds=off");
        cmd.addAll(LATER_C2);
        cmd.add("-D" + RELAUNCHED + "=true");
        if (l.startedAtMillis() >= 0) {
            cmd.add("-D" + LAUNCHED_AT + "=" + l.startedAtMillis());
        }
        cmd.addAll(l.arguments());
        return Optional.of(cmd);
    }

    /** This process's launch: its java, its command-line arguments (JVM options, -jar, the app's arguments). */
    static Launch current() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        return new Launch(info.command().orElse(null), info.arguments().map(List::of).orElse(List.of()), runningJar(),
                System.getProperty("java.vm.version", ""), isRelaunched(),
                Boolean.parseBoolean(System.getProperty("ac1.relaunch", "true")),
                // the exact start only for the start-up report: reading it loads the management classes
                Boolean.getBoolean("ac1.startupReport")
                        ? java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime() : -1);
    }

    /** The jar this class was loaded from, or null (classes from a folder: a development run). */
    private static Path runningJar() {
        try {
            var src = ArchiveRelaunch.class.getProtectionDomain().getCodeSource();
            Path p = src == null ? null : Path.of(src.getLocation().toURI());
            return p != null && p.toString().endsWith(".jar") && Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Runs the window in a second JVM when {@link #command} gives one: the exit status to end with,
     * or empty when the window should open here (also when the second JVM could not be started).
     */
    static OptionalInt run() {
        Optional<List<String>> cmd = command(current());
        if (cmd.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(cmd.get()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
        // a terminated launcher (kill, logout) takes the window with it; the window saves its settings on the way
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                child.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ac1-stop-window"));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                // keep waiting: the window decides when this process ends
            }
        }
    }
}
