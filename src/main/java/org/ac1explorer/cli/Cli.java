package org.ac1explorer.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.util.Arrays;
import java.util.concurrent.CancellationException;

/**
 * The command-line interface: {@code summary}, {@code export}, {@code demo}, {@code download}, {@code bench}.
 * Every failure is one line on stderr naming the file or option; exit status 0 on success, 1 on a failed run, 2 on
 * a wrong command line.
 */
public final class Cli {
    public static final String USAGE = """
            usage: ac1-explorer                      open the explorer window
                   ac1-explorer <command> [options]  run a command without a window

            commands:
              summary   cells, stimuli and gating counters of a CRCNS-AC1 dataset
              export    write the S x N dataset as one MAT file (the training pipelines' input)
              demo      write a synthetic dataset in the CRCNS-AC1 layout
              download  fetch the three CRCNS-AC1 archives with a CRCNS.org account
              bench     time opening, export, re-gating and the DSP kernels on a full-scale archive

            Run 'ac1-explorer <command> --help' for its options; --version prints the version.
            """;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static boolean isCommand(String arg) {
        return switch (arg) {
            case "summary", "export", "demo", "download", "bench", "--help", "-h", "help", "--version", "-V" -> true;
            default -> false;
        };
    }

    /** Runs one command; returns the process exit status. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return 0;
        }
        if (args[0].equals("--version") || args[0].equals("-V")) {
            out.println("AC1 Explorer " + org.ac1explorer.Version.current());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "summary" -> new SummaryCommand(out, err).run(rest);
                case "export" -> new ExportCommand(out, err).run(rest);
                case "demo" -> new DemoCommand(out, err).run(rest);
                case "download" -> new DownloadCommand(out, err).run(rest);
                case "bench" -> new BenchCommand(out, err).run(rest);
                default -> throw new UsageException("unknown command \"" + args[0] + "\" (commands: summary, export, demo, download, bench)");
            };
        } catch (UsageException e) {
            err.println("ac1-explorer: " + e.getMessage());
            return 2;
        } catch (FileAlreadyExistsException e) {
            err.println("ac1-explorer: " + e.getFile() + " " + e.getReason());
            return 1;
        } catch (CancellationException e) {
            err.println("ac1-explorer: cancelled");
            return 1;
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            err.println("ac1-explorer: " + e.getMessage());
            return 1;
        } catch (OutOfMemoryError e) {
            err.println("ac1-explorer: out of memory; run with a larger heap, e.g. java -Xmx4g -jar ac1-explorer.jar ...");
            return 1;
        } catch (RuntimeException e) {
            err.println("ac1-explorer: internal error: " + e + " (please report it with the command line)");
            return 1;
        }
    }


    static boolean wantsHelp(String[] args) {
        return Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    }
}
