package org.ac1explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ac1explorer.archive.Ac1Archive;
import org.ac1explorer.archive.ArchiveParts;
import org.ac1explorer.archive.CellRecord;
import org.ac1explorer.archive.Problem;
import org.ac1explorer.dataset.AssembledDataset;
import org.ac1explorer.dataset.DatasetAssembler;
import org.ac1explorer.dataset.Params;
import org.ac1explorer.dataset.RejectionCounts;

/** {@code summary}: what a dataset holds and what the processing keeps of it. */
final class SummaryCommand {
    static final String HELP = """
            usage: ac1-explorer summary --data DIR [options]

            Prints the cells per experimenter, site and signal type, the stimuli, the repeats kept
            and rejected per gating reason, and every problem met while reading.

              --data DIR              folder holding crcns-ac1/ (or crcns-ac1.zip) and the
                                      crcns-ac1-asari-results-1/-2 folders (or their zips)
            """ + ParamOptions.HELP;

    private final PrintStream out;
    private final PrintStream err;

    SummaryCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws UsageException, IOException {
        if (Cli.wantsHelp(args)) {
            out.print(HELP);
            return 0;
        }
        Set<String> valued = new HashSet<>(ParamOptions.NAMES);
        valued.add("data");
        CliOptions o = CliOptions.parse("summary", args, valued, Set.of());
        Path data = DataFolder.required(o);
        Params p = ParamOptions.from(o);
        ConsoleProgress progress = new ConsoleProgress(err);
        try (Ac1Archive archive = Ac1Archive.open(data, progress)) {
            AssembledDataset d;
            try {
                d = DatasetAssembler.assemble(archive, p, progress);
            } finally {
                progress.finish();
            }
            print(archive, d);
            return 0;
        }
    }

    private void print(Ac1Archive archive, AssembledDataset d) {
        ArchiveParts parts = archive.parts();
        out.println("Dataset " + archive.dataDir().toAbsolutePath());
        out.println("  crcns-ac1:       " + ArchiveParts.label(parts.main()));
        out.println("  asari-results-1: " + ArchiveParts.label(parts.asariResults1()));
        out.println("  asari-results-2: " + ArchiveParts.label(parts.asariResults2()));
        out.println("Cells in the index: " + archive.cells().size());
        printGroups(archive.cells());
        Params p = d.params();
        out.println("Cohort (experimenter " + String.join(",", p.experimenters()) + ", sites "
                + String.join(",", p.sites()) + "): " + d.neuronCount() + " neurons, " + d.stimulusCount()
                + " stimuli, " + d.freqsHz().length + " bands, signal type " + d.signalType()
                + ", " + d.droppedCells() + " cell(s) dropped (no repeat survived)"
                + (d.dropped().isEmpty() ? "" : ": " + String.join(", ", d.dropped().stream().map(CellRecord::session).toList())));
        printGroups(d.neurons());
        RejectionCounts r = d.rejections();
        out.println("Repeats: " + r.total() + " gated, " + r.kept() + " kept; rejected: range " + r.range()
                + ", step " + r.step() + ", xcorr " + r.xcorr());
        // the same list as the explorer's Problems pane: the files' problems, then the cohort's warnings
        List<Problem> problems = d.problemsAndWarnings();
        out.println("Problems: " + problems.size());
        for (Problem pr : problems) {
            out.println("  " + pr);
        }
    }

    private void printGroups(List<CellRecord> cells) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (CellRecord c : cells) {
            groups.merge(c.experimenter() + " " + c.site() + " " + c.signalType(), 1, Integer::sum);
        }
        groups.forEach((k, v) -> out.println("  " + k + ": " + v));
    }
}
