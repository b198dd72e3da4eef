package org.ac1explorer.ui.common;

import org.ac1explorer.archive.ProgressMonitor;

/**
 * What background work sees of its task: report progress (shown in the status bar when the task
 * is tracked) and ask whether it was cancelled. Thread-safe; progress updates are coalesced.
 */
public interface TaskContext extends ProgressMonitor {
    /** A context that reports nowhere and is never cancelled. */
    TaskContext NONE = new TaskContext() {
    };
}
