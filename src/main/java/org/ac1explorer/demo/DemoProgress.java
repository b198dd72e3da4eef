package org.ac1explorer.demo;

/**
 * Progress of {@link DemoDataset#write}: {@code done} of {@code total} files written.
 * Called from generator worker threads, one call at a time, with {@code done} increasing.
 */
@FunctionalInterface
public interface DemoProgress {
    void update(long done, long total);

    /** Ignores progress. */
    DemoProgress NONE = (done, total) -> { };
}
