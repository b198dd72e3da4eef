package org.ac1explorer.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The three parts of a CRCNS-AC1 release found in one folder, each extracted or as its zip (any
 * mix; an extracted folder wins over its zip). {@code main} is rooted where {@code wehr/} and
 * {@code asari/} live, {@code asariResults1}/{@code asariResults2} at {@code asari-results-k/}.
 * A missing part is null and reported; the others still load.
 */
public record ArchiveParts(Path dataDir, ArchiveTree main, ArchiveTree asariResults1, ArchiveTree asariResults2)
        implements Closeable {

    private static final System.Logger LOG = System.getLogger(ArchiveParts.class.getName());

    public static final String MAIN_FOLDER = "crcns-ac1";
    public static final String MAIN_ZIP = "crcns-ac1.zip";

    /** Finds the parts in {@code dataDir}; throws only when the folder is unusable or holds no part at all. */
    public static ArchiveParts locate(Path dataDir, ProblemLog problems) throws IOException {
        if (!Files.exists(dataDir)) {
            throw new IOException(dataDir + ": folder does not exist");
        }
        if (!Files.isDirectory(dataDir)) {
            throw new IOException(dataDir + ": not a folder (choose the folder that holds crcns-ac1/ or crcns-ac1.zip)");
        }
        ArchiveTree main = locateMain(dataDir, problems);
        ArchiveTree r1 = locateResults(dataDir, 1, problems);
        ArchiveTree r2 = locateResults(dataDir, 2, problems);
        if (main == null && r1 == null && r2 == null) {
            throw new IOException(dataDir + ": no CRCNS-AC1 data found (expected crcns-ac1/ or crcns-ac1.zip, "
                    + "crcns-ac1-asari-results-1/ or its zip, crcns-ac1-asari-results-2/ or its zip)");
        }
        if (main == null) {
            problems.error(dataDir.resolve(MAIN_FOLDER).toString(),
                    "neither crcns-ac1/ nor crcns-ac1.zip found: no Wehr cells and no Asari stimuli");
        }
        for (int k = 1; k <= 2; k++) {
            if ((k == 1 ? r1 : r2) == null) {
                problems.warning(dataDir.resolve(resultsFolder(k)).toString(),
                        "neither " + resultsFolder(k) + "/ nor " + resultsFolder(k) + ".zip found: its Asari cells are missing");
            }
        }
        return new ArchiveParts(dataDir, main, r1, r2);
    }

    /**
     * The folder to open for a path a user points at (command-line argument, drop on the window): a
     * folder itself, or the folder holding a zip of the release; null for anything else.
     */
    public static Path folderToOpen(Path p) {
        Path a = p.toAbsolutePath().normalize();
        if (Files.isDirectory(a)) {
            return a;
        }
        boolean zip = a.getFileName() != null && a.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip");
        return zip && Files.isRegularFile(a) ? a.getParent() : null;
    }

    /**
     * When {@code dataDir} is one part of a release rather than the folder holding the parts — the
     * {@code crcns-ac1} folder while the results folders sit beside it, or a results folder — says
     * so and names the folder to choose instead; empty otherwise.
     */
    public static java.util.Optional<String> partChosenInsteadOfRelease(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null || !Files.isDirectory(dir)) {
            return java.util.Optional.empty();
        }
        String name = dir.getFileName().toString();
        boolean mainHere = holdsMainContent(new FolderTree(dir, new ProblemLog()), "") && !Files.isDirectory(dir.resolve(MAIN_FOLDER));
        if (mainHere && holdsResults(parent)) {
            return java.util.Optional.of(dir + " is the " + MAIN_FOLDER + " part; the asari-results parts are beside it: "
                    + "use " + parent + " (the folder that holds all three)");
        }
        for (int k = 1; k <= 2; k++) {
            Path release = name.equals(resultsFolder(k)) && Files.isDirectory(dir.resolve("asari-results-" + k)) ? parent
                    : name.equals("asari-results-" + k) ? (parent.getFileName() != null
                    && parent.getFileName().toString().equals(resultsFolder(k)) && parent.getParent() != null
                    ? parent.getParent() : parent) : null;
            if (release != null) {
                return java.util.Optional.of(dir + " is the " + resultsFolder(k) + " part; use the folder that holds "
                        + MAIN_FOLDER + "/ (or " + MAIN_ZIP + ") and both asari-results parts"
                        + (holdsMain(release) ? ": " + release : ""));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean holdsResults(Path dir) {
        for (int k = 1; k <= 2; k++) {
            if (Files.isDirectory(dir.resolve(resultsFolder(k))) || Files.isRegularFile(dir.resolve(resultsFolder(k) + ".zip"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsMain(Path dir) {
        return Files.isDirectory(dir.resolve(MAIN_FOLDER)) || Files.isRegularFile(dir.resolve(MAIN_ZIP));
    }

    static String resultsFolder(int k) {
        return "crcns-ac1-asari-results-" + k;
    }

    private static boolean holdsMainContent(ArchiveTree t, String dir) {
        return t.isDirectory(ArchiveTree.join(dir, "wehr")) || t.isDirectory(ArchiveTree.join(dir, "asari"));
    }

    private static ArchiveTree locateMain(Path dataDir, ProblemLog problems) {
        Path folder = dataDir.resolve(MAIN_FOLDER);
        if (Files.isDirectory(folder) && holdsMainContent(new FolderTree(folder, problems), "")) {
            return new FolderTree(folder, problems);
        }
        FolderTree here = new FolderTree(dataDir, problems);
        if (holdsMainContent(here, "")) {
            return here; // the user chose crcns-ac1/ itself
        }
        return openZip(dataDir.resolve(MAIN_ZIP), problems, t -> holdsMainContent(t, ""));
    }

    private static ArchiveTree locateResults(Path dataDir, int k, ProblemLog problems) {
        String inner = "asari-results-" + k;
        Path folder = dataDir.resolve(resultsFolder(k)).resolve(inner);
        if (Files.isDirectory(folder)) {
            return new FolderTree(folder, problems);
        }
        if (Files.isDirectory(dataDir.resolve(inner))) {
            return new FolderTree(dataDir.resolve(inner), problems);
        }
        ArchiveTree zip = openZip(dataDir.resolve(resultsFolder(k) + ".zip"), problems, t -> t.isDirectory(inner));
        return zip == null ? null : new SubTree(zip, inner);
    }

    /**
     * Opens a zip and roots it where {@code accepts} holds: at the zip root or inside its single
     * extra top-level folder. Null (and a problem) when the zip is absent, broken or has no such root.
     */
    private static ArchiveTree openZip(Path zipPath, ProblemLog problems, java.util.function.Predicate<ArchiveTree> accepts) {
        if (!Files.isRegularFile(zipPath)) {
            return null;
        }
        ZipTree zip;
        try {
            zip = ZipTree.open(zipPath, problems);
        } catch (IOException e) {
            problems.error(zipPath.toString(), e.getMessage());
            return null;
        }
        if (accepts.test(zip)) {
            return zip;
        }
        List<String> top = zip.list("");
        for (String t : top) {
            ArchiveTree sub = new SubTree(zip, t);
            if (zip.isDirectory(t) && accepts.test(sub)) {
                return sub;
            }
        }
        problems.error(zipPath.toString(), "zip does not have the expected CRCNS-AC1 layout; ignored");
        try {
            zip.close();
        } catch (IOException e) {
            // nothing was read from it
            LOG.log(System.Logger.Level.DEBUG, "closing the ignored " + zipPath, e);
        }
        return null;
    }

    /** The data folder and the folder or zip file of every part found: what no output may touch. */
    public List<Path> sources() {
        List<Path> out = new java.util.ArrayList<>();
        out.add(dataDir);
        for (ArchiveTree t : new ArchiveTree[] {main, asariResults1, asariResults2}) {
            if (t != null) {
                out.add(t.source());
            }
        }
        return out;
    }

    /** A short label for where a part was found, for summaries. */
    public static String label(ArchiveTree t) {
        return t == null ? "missing" : t.describe("");
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (ArchiveTree t : new ArchiveTree[] {main, asariResults1, asariResults2}) {
            if (t == null) {
                continue;
            }
            try {
                t.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
