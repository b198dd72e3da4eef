package org.ac1explorer.cli;

import org.ac1explorer.curation.Curation;
import org.ac1explorer.curation.CurationFile;
import org.ac1explorer.curation.CurationFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.ExportSize;
import org.ac1explorer.dataset.MatExport;
import org.ac1explorer.dataset.OutputTarget;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.WaveformMode;

/** {@code export}: the S x N dataset as one MAT file (docs/processing.md §4). */
final class ExportCommand {
    static final String HELP = """
            usage: ac1-explorer export --data DIR --out FILE.mat [--force] [--curation FILE.json]
                                       [--waveform [--audio-fs HZ]] [options]

            Writes freqs, params, stims (F x T single, dB; with --waveform 1 x T*hop single), responses
            (R x T double or the 1x1 NaN sentinel), stim_meta, nrn_meta, rejections and signal_type,
            plus dropped_cells, warnings (what summary lists) and hearing_range_hz, readable by
            MATLAB and scipy.io.loadmat. The file is written under a temporary name and renamed
            when complete.

              --data DIR              folder holding the CRCNS-AC1 parts (extracted or zipped)
              --out FILE.mat          where to write (must not exist unless --force)
              --force                 replace an existing FILE.mat
              --curation FILE.json    apply hand decisions (ac1-curation/1) after the gating: repeats
                                      kept or rejected by hand, cells excluded; the file records them
                                      in curation and rejections.manual_keep / manual_reject
            """ + ParamOptions.WAVEFORM_HELP + ParamOptions.HELP;

    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private static String ms(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    int run(String[] args) throws UsageException, IOException {
        if (Cli.wantsHelp(args)) {
            out.print(HELP);
            return 0;
        }
        Set<String> valued = new HashSet<>(ParamOptions.NAMES);
        valued.add("data");
        valued.add("out");
        valued.add(ParamOptions.AUDIO_FS);
        valued.add("curation");
        CliOptions o = CliOptions.parse("export", args, valued, Set.of("force", ParamOptions.WAVEFORM_FLAG));
        Path data = DataFolder.required(o);
        Path target = o.requiredPath("out").toAbsolutePath();
        Params p = ParamOptions.from(o);
        WaveformMode waveform = ParamOptions.waveform(o, p);
        boolean force = o.has("force");
        Curation curation = null;
        if (o.has("curation")) {
            try {
                curation = CurationFile.read(o.requiredPath("curation"));
            } catch (CurationFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        // before opening: fast refusals; once open, again against every archive part found (a linked zip)
        OutputTarget.Checked checked = OutputTarget.checkExportFile(target, java.util.List.of(data), force);
        checked.notes().forEach(n -> err.println("ac1-explorer: " + n));
        ConsoleProgress progress = new ConsoleProgress(err);
        try (Ac1Archive archive = Ac1Archive.open(data, progress)) {
            OutputTarget.checkOutsideSources(target, archive.parts().sources());
            p.validate();
            if (waveform != null) {
                waveform.validate(p.dtMs());
            }
            ExportSize estimate = ExportSize.estimate(archive.cells(), p, waveform);
            estimate.checkFits(p, waveform != null, ExportSize.MAX_VARIABLE_BYTES);
            OutputTarget.checkFreeSpace(target, estimate.fileBytes());
            AssembledDataset d;
            try {
                d = DatasetAssembler.assemble(archive, p, waveform, curation, progress);
                progress.progress(0, 1, "Writing " + target.getFileName());
                MatExport.write(d, target, force);
            } finally {
                progress.finish();
            }
            out.println("Wrote " + target + ": S=" + d.stimulusCount() + " N=" + d.neuronCount() + " F="
                    + d.freqsHz().length + " signal_type=" + d.signalType() + " dropped_cells=" + d.droppedCells());
            if (waveform != null) {
                out.println("stims: waveforms at " + waveform.audioFs() + " Hz, " + waveform.hop(p.dtMs())
                        + " samples per " + ms(p.dtMs()) + " ms bin (T x hop samples each)");
            } else {
                out.println("stims: log-spectrograms, " + d.freqsHz().length + " bands x T frames of "
                        + ms(p.dtMs()) + " ms");
            }
            out.println("rejections: " + d.rejections());
            if (d.curation() != null) {
                out.println("curation: " + d.curation().applied().size() + " override(s) and " + d.curation().excluded().size()
                        + " exclusion(s) applied (" + d.curation().manualKeep() + " repeat(s) kept and "
                        + d.curation().manualReject() + " rejected against the gating)");
                d.curation().unmatchedLines().forEach(l -> err.println("ac1-explorer: warning: " + l));
            }
            if (!d.warnings().isEmpty() || !d.problems().isEmpty()) {
                out.println(d.warnings().size() + " warning(s), " + d.problems().size()
                        + " problem(s) while reading (listed in the file's warnings, and by summary)");
            }
            return 0;
        }
    }
}
