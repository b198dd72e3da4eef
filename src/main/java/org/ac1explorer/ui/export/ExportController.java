package org.ac1explorer.ui.export;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.ExportSize;
import org.ac1explorer.dataset.MatExport;
import org.ac1explorer.dataset.OutputTarget;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.WaveformMode;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.ParallelWork;
import org.ac1explorer.ui.common.ViewSettings;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.ui.status.StatusModel;

/**
 * File ▸ Export: the same MAT file as {@code ac1-explorer export} at the current knobs, written in
 * the background with progress. Never writes into the data folder and asks before replacing a
 * file.
 */
public final class ExportController {
    private final ExplorerModel model;
    private final StatusModel status;
    private final ViewSettings view;
    private final Supplier<Window> owner;
    private final Superseding job;

    public ExportController(ExplorerModel model, StatusModel status, BackgroundWork work, ViewSettings view,
                            Supplier<Window> owner) {
        this.model = model;
        this.status = status;
        this.view = view;
        this.owner = owner;
        this.job = new Superseding(work);
    }

    /** Asks where to write, then exports the spectrogram-mode file. */
    public void chooseAndExport() {
        chooseAndExport(null);
    }

    /**
     * Asks where to write, then exports; with {@code waveform} the stimuli are written as waveforms
     * resampled to its rate (the reference loader's waveform mode) instead of spectrograms.
     */
    public void chooseAndExport(WaveformMode waveform) {
        if (waveform != null && !waveform.errors(model.params().dtMs()).isEmpty()) {
            Dialogs.error(owner.get(), "Waveform export needs another time bin",
                    waveform.errors(model.params().dtMs()).get(0).message());
            return;
        }
        LoadedDataset d = model.dataset();
        if (d == null) {
            return;
        }
        Path data = d.folder().toAbsolutePath().normalize();
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the dataset as a MAT file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("MATLAB v5 file (*.mat)", "*.mat"));
        fc.setInitialFileName(defaultName(model.params()).replace(".mat", waveform == null ? ".mat" : "_waveform.mat"));
        Path dir = ViewSettings.existing(view.exportFolderProperty())
                .filter(p -> !inside(p, data)).orElse(Path.of(System.getProperty("user.home")));
        if (!inside(dir, data)) {
            fc.setInitialDirectory(dir.toFile());
        }
        while (true) {
            File f = fc.showSaveDialog(owner.get());
            if (f == null) {
                return;
            }
            Path target = f.toPath().toAbsolutePath().normalize();
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mat")) {
                target = target.resolveSibling(target.getFileName() + ".mat");
            }
            try {
                OutputTarget.Checked checked = OutputTarget.checkExportFile(target, d.archive().parts().sources(), true);
                checked.notes().forEach(status::notice);
            } catch (java.io.IOException e) {
                Dialogs.error(owner.get(), "Choose another file", Dialogs.reason(e));
                if (inside(target, data)) {
                    fc.setInitialDirectory(Path.of(System.getProperty("user.home")).toFile());
                }
                continue;
            }
            if (Files.exists(target) && !Dialogs.confirm(owner.get(), target.getFileName() + " already exists",
                    "Replace " + target + " with the new export?", "Replace")) {
                return;
            }
            if (target.getParent() != null) {
                view.exportFolderProperty().set(target.getParent());
            }
            export(target, waveform);
            return;
        }
    }

    static boolean inside(Path p, Path folder) {
        return p.toAbsolutePath().normalize().startsWith(folder);
    }

    static String defaultName(Params p) {
        String cohort = String.join("-", p.experimenters()) + "_" + String.join("-", p.sites());
        return "ac1_" + cohort + "_dt" + Formats.num(p.dtMs(), 2).replace('.', 'p') + "ms.mat";
    }

    /** Exports to {@code target} (already confirmed) in the background. */
    public Tasks.BackgroundTask<AssembledDataset> export(Path target) {
        return export(target, null);
    }

    /** Exports to {@code target} (already confirmed) in the background, in waveform mode when {@code waveform} is set. */
    public Tasks.BackgroundTask<AssembledDataset> export(Path target, WaveformMode waveform) {
        LoadedDataset d = model.dataset();
        Params p = model.params();
        // the open curation, as the command line's --curation applies it (none when it is empty)
        org.ac1explorer.curation.Curation curation = model.curation().isEmpty() ? null : model.curation();
        try {
            OutputTarget.checkOutsideSources(target.toAbsolutePath(), d.archive().parts().sources());
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Tasks.BackgroundTask<AssembledDataset> t = job.run(Tasks.create(ctx -> {
                    ExportSize estimate = ExportSize.estimate(d.archive().cells(), p, waveform);
                    estimate.checkFits(p, waveform != null, ExportSize.MAX_VARIABLE_BYTES);
                    OutputTarget.checkFreeSpace(target, estimate.fileBytes());
                    AssembledDataset a = ParallelWork.run(() -> DatasetAssembler.assemble(d.archive(), p, waveform, curation, ctx));
                    ctx.checkCancelled();
                    ctx.progress(0, 1, "Writing " + target.getFileName());
                    MatExport.write(a, target, true);
                    ctx.progress(1, 1, "Written");
                    return a;
                })
                .title("Exporting to " + target.getFileName())
                .onSuccess(a -> {
                    long bytes = target.toFile().length();
                    status.notice("Exported " + a.stimulusCount() + " stimuli × " + a.neuronCount() + " cells ("
                            + a.signalType() + ", " + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6) + ") to " + target
                            + (a.warnings().isEmpty() ? "" : " — warning: " + String.join("; ", a.warnings())));
                })
                .onError(e -> {
                    status.failure("Export failed: " + Dialogs.reason(e));
                    Dialogs.error(owner.get(), "Export failed", Dialogs.reason(e));
                }));
        status.track(t);
        return t;
    }
}
