package org.ac1explorer.archive;

/**
 * Where one repeat lives: the trial file (path inside its {@link ArchiveTree}), the trigger's
 * 1-based onset sample as stored, and the stimulus duration in ms. The trace is read on demand.
 */
public record RepeatRef(String file, double triggerTime, double durationMs) {
}
