package org.ac1explorer.ui.open;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.stage.Window;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.archive.ProgressMonitor;
import org.ac1explorer.demo.DemoDataset;
import org.ac1explorer.demo.DemoScale;
import org.ac1explorer.curation.Curation;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.explore.Selection;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.TaskContext;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.ui.status.StatusModel;

/**
 * Opens datasets in the background (File ▸ Open, the demo, the last one at start-up) with
 * progress and Cancel in the status bar; on success replaces the model's dataset and closes the
 * previous archive, and remembers the folder. Generates the demo dataset into the cache folder
 * when it is not there yet.
 */
public final class OpenController {
    public static final String COMPLETE_MARKER = ".ac1-demo-complete";
    private final ExplorerModel model;
    private final StatusModel status;
    private final BackgroundWork work;
    private final ViewSettings view;
    private final Path demoDir;
    private final Supplier<Window> owner;
    private final Superseding job;
    private EarlyOpening early;
    private Consumer<LoadedDataset> onOpened = d -> {
    };

    public OpenController(ExplorerModel model, StatusModel status, BackgroundWork work, ViewSettings view, Path demoDir,
                          Supplier<Window> owner) {
        this.model = model;
        this.status = status;
        this.work = work;
        this.view = view;
        this.demoDir = demoDir;
        this.owner = owner;
        this.job = new Superseding(work);
    }

    /** Called on the JavaFX thread after a dataset replaced the previous one. */
    public void setOnOpened(Consumer<LoadedDataset> c) {
        this.onOpened = c;
    }

    public Path demoDir() {
        return demoDir;
    }

    /** At start-up: the last dataset when it still exists, else the demo. */
    public void openInitial() {
        Target t = initialTarget(view.lastDatasetProperty().get(), demoDir);
        start(t.folder(), t.demo(), t.generates());
    }

    /** Whether {@link #openInitial} would first generate the demo (no remembered folder, no complete demo). */
    public boolean initialGeneratesDemo() {
        return initialTarget(view.lastDatasetProperty().get(), demoDir).generates();
    }

    /** A dataset folder to open; {@code demo}: the built-in demo's folder, which {@code generates} first. */
    record Target(Path folder, boolean demo, boolean generates) {
    }

    /** What start-up opens given the {@code lastDataset} setting: that folder while it exists, else the demo. */
    static Target initialTarget(String lastDataset, Path demoDir) {
        Path last = lastFolder(lastDataset);
        return last != null ? new Target(last, false, false) : new Target(demoDir, true, !isComplete(demoDir));
    }

    /**
     * Takes over {@code early}: the window's first open of the same folder waits for its result
     * instead of reading the folder again.
     */
    public void useEarly(EarlyOpening early) {
        this.early = early;
    }

    /** The remembered dataset folder ({@code lastDataset} setting) when it is still a folder; null for the demo or none. */
    private static Path lastFolder(String remembered) {
        if (remembered.isEmpty() || remembered.equals("demo")) {
            return null;
        }
        try {
            Path p = Path.of(remembered);
            return Files.isDirectory(p) ? p : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Opens a CRCNS-AC1 folder (the extracted parts or the folder holding the zips). */
    public Tasks.BackgroundTask<LoadedDataset> open(Path folder) {
        return start(folder, false, false);
    }

    /** Opens the built-in demo dataset, generating it first when needed. */
    public Tasks.BackgroundTask<LoadedDataset> openDemo() {
        return start(demoDir, true, !isComplete(demoDir));
    }

    static boolean isComplete(Path dir) {
        return Files.isRegularFile(dir.resolve(COMPLETE_MARKER));
    }

    private Tasks.BackgroundTask<LoadedDataset> start(Path folder, boolean demo, boolean generate) {
        String remembered = view.lastSelectionProperty().get();
        Params params = model.params();
        Curation curation = model.curation();
        EarlyOpening readAhead = early;
        CompletableFuture<LoadedDataset> ahead = readAhead == null || generate ? null : readAhead.take(folder, demo);
        Tasks.BackgroundTask<LoadedDataset> t = job.run(Tasks.create(ctx -> {
                    if (generate) {
                        generateDemo(folder, ctx);
                    }
                    LoadedDataset d = ahead == null ? null : readAhead.await(ctx);
                    return d != null ? d : readAndPrefetch(folder, demo, ctx, remembered, params, curation);
                })
                .title(generate ? "Preparing the demo dataset" : "Opening " + displayName(folder, demo))
                .onSuccess(d -> {
                    LoadedDataset old = model.dataset();
                    model.setDataset(d);
                    view.lastDatasetProperty().set(demo ? "demo" : folder.toAbsolutePath().toString());
                    // written to disk off the JavaFX thread: the first plots are on their way
                    Tasks.create(ctx -> {
                        view.store().flush();
                        return null;
                    }).runOnce(work);
                    closeLater(old);
                    onOpened.accept(d);
                })
                .onError(e -> {
                    String name = displayName(folder, demo);
                    status.failure("Could not open " + name + ": " + Dialogs.reason(e).lines().findFirst().orElse(""));
                    Dialogs.error(owner.get(), "Could not open " + name, Dialogs.reason(e));
                }));
        status.track(t);
        return t;
    }

    /**
     * {@link #read}, then the remembered selection ({@code remembered}, its id) computed at these knobs
     * and curation on a thread of its own: the window restores it while its lists fill, and its
     * request joins that computation.
     */
    static LoadedDataset readAndPrefetch(Path folder, boolean demo, ProgressMonitor ctx, String remembered, Params params,
                                         Curation curation) throws IOException {
        LoadedDataset d = read(folder, demo, ctx);
        Selection.byId(d.cells(), remembered).ifPresent(sel -> d.analyzer().prefetch(sel, params, curation,
                r -> startDaemon(r, "ac1-prefetch-selection")));
        return d;
    }

    static void startDaemon(Runnable r, String name) {
        Thread th = new Thread(r, name);
        th.setDaemon(true);
        th.start();
    }

    /** How messages name a dataset: "demo dataset", or the folder's name. */
    private static String displayName(Path folder, boolean demo) {
        return demo ? "demo dataset" : folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
    }

    /** Reads the index of {@code folder}; refuses a folder without any CRCNS-AC1 cell, naming the folder and what it found. */
    static LoadedDataset read(Path folder, boolean demo, ProgressMonitor ctx) throws IOException {
        ctx.progress(0, 1, "Reading the index of " + displayName(folder, demo));
        Ac1Archive a = Ac1Archive.open(folder, ctx);
        if (ctx.isCancelled()) {
            a.close();
            ctx.checkCancelled();
        }
        if (a.cells().isEmpty()) {
            List<Problem> pr = a.problems();
            a.close();
            throw new IOException("No CRCNS-AC1 cells found in " + folder + ". Choose the folder that holds "
                    + "crcns-ac1 (or crcns-ac1.zip) and the asari-results parts."
                    + (pr.isEmpty() ? "" : "\n\n" + pr.stream().limit(5).map(Problem::toString)
                    .collect(Collectors.joining("\n"))));
        }
        return new LoadedDataset(a, folder, demo ? "Demo dataset (synthetic)" : displayName(folder, demo), demo);
    }

    private void closeLater(LoadedDataset old) {
        if (old != null) {
            work.submit(Tasks.create(ctx -> {
                old.archive().close();
                return null;
            }).build());
        }
    }

    /** Writes the demo into a temporary sibling folder and renames it into place when complete. */
    private static void generateDemo(Path target, TaskContext ctx) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        if (Files.exists(target)) {
            deleteTree(target);
        }
        Path tmp = Files.createTempDirectory(parent, target.getFileName() + ".partial-");
        try {
            // one processor stays free for the window while the demo is written
            int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors() - 1));
            DemoDataset.write(tmp, DemoDataset.DEFAULT_SEED, DemoScale.SMALL, (done, total) -> {
                ctx.progress(done, total, "writing demo files " + done + "/" + total + " (first start only)");
                ctx.checkCancelled();
            }, threads);
            Files.writeString(tmp.resolve(COMPLETE_MARKER), "AC1 Explorer demo dataset, seed " + DemoDataset.DEFAULT_SEED + ", SMALL\n");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Cancels a running open (the status bar's Cancel does the same). */
    public void cancel() {
        job.cancel();
    }

    public boolean isRunning() {
        return job.isRunning();
    }
}
