package org.ac1explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.ac1explorer.demo.DemoDataset;
import org.ac1explorer.demo.DemoScale;
import org.ac1explorer.demo.DemoSummary;

/** {@code demo}: a synthetic dataset in the CRCNS-AC1 layout. */
final class DemoCommand {
    static final String HELP = """
            usage: ac1-explorer demo --out DIR [--seed N] [--scale small|full]

            Writes a synthetic dataset in the real CRCNS-AC1 layout (Wehr and Asari subsets, A1 and
            MGB cells, shared stimuli, repeats with artifacts the gating must catch).

              --out DIR       new or empty folder to write into
              --seed N        random seed (default %d); the same seed gives the same files
              --scale S       small (default, a few MB) or full (~25 Wehr + ~150 Asari cells, ~0.6 GB)
            """.formatted(DemoDataset.DEFAULT_SEED);

    private final PrintStream out;
    private final PrintStream err;

    DemoCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws UsageException, IOException {
        if (Cli.wantsHelp(args)) {
            out.print(HELP);
            return 0;
        }
        CliOptions o = CliOptions.parse("demo", args, Set.of("out", "seed", "scale"), Set.of());
        Path dir = o.requiredPath("out");
        long seed = o.longInteger("seed", DemoDataset.DEFAULT_SEED);
        DemoScale scale;
        try {
            scale = DemoScale.valueOf(o.string("scale", "small").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--scale must be small or full (got \"" + o.string("scale", "") + "\")");
        }
        ConsoleProgress progress = new ConsoleProgress(err);
        DemoSummary s;
        try {
            s = DemoDataset.write(dir, seed, scale, (done, total) -> progress.progress(done, total, "Writing demo files"));
        } finally {
            progress.finish();
        }
        out.println("Wrote " + dir.toAbsolutePath() + ": " + s.wehrCells() + " Wehr cells, " + s.asariCells()
                + " Asari cells, " + s.stimulusFiles() + " stimulus files, " + s.trialFiles() + " trial files, "
                + String.format(Locale.ROOT, "%.1f MB", s.bytes() / 1e6));
        return 0;
    }
}
