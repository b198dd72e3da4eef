package org.ac1explorer.curation;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The curation being edited with its undo and redo history: each change pushes the previous
 * curation; undo and redo move between them. Not thread-safe (the window changes it on its own thread).
 */
public final class CurationHistory {
    private static final int MAX_STEPS = 500;

    private Curation current;
    private final Deque<Curation> undo = new ArrayDeque<>();
    private final Deque<Curation> redo = new ArrayDeque<>();

    public CurationHistory(Curation start) {
        this.current = start;
    }

    public Curation current() {
        return current;
    }

    /** Makes {@code next} current (a no-op when it equals the current one); redo is cleared. */
    public void apply(Curation next) {
        if (next.equals(current)) {
            return;
        }
        undo.push(current);
        if (undo.size() > MAX_STEPS) {
            undo.removeLast();
        }
        redo.clear();
        current = next;
    }

    /** Starts again from {@code start} (a newly opened file): no undo past it. */
    public void reset(Curation start) {
        undo.clear();
        redo.clear();
        current = start;
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Back to the curation before the last change; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        redo.push(current);
        current = undo.pop();
        return true;
    }

    /** Forward again after an undo; false when there is nothing to redo. */
    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        undo.push(current);
        current = redo.pop();
        return true;
    }
}
