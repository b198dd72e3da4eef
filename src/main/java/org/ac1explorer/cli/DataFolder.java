package org.ac1explorer.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.ac1explorer.archive.ArchiveParts;

/** The {@code --data} option: the folder holding the release's parts, not one of the parts. */
final class DataFolder {
    private DataFolder() {
    }

    /** {@code --data}, refused with the folder to pass instead when it names one part of the release. */
    static Path required(CliOptions o) throws UsageException {
        Path data = o.requiredPath("data");
        Optional<String> wrong = ArchiveParts.partChosenInsteadOfRelease(data);
        if (wrong.isPresent()) {
            throw new UsageException("--data: " + wrong.get());
        }
        return data;
    }
}
