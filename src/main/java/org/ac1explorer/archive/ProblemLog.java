package org.ac1explorer.archive;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * Thread-safe, append-only collection of the {@link Problem}s met while reading a dataset; a problem
 * reported again (e.g. the same broken file met by a later load) is kept once.
 */
public final class ProblemLog {
    private final LinkedHashSet<Problem> problems = new LinkedHashSet<>();

    public synchronized void add(Problem p) {
        problems.add(p);
    }

    public void warning(String location, String message) {
        add(Problem.warning(location, message));
    }

    public void error(String location, String message) {
        add(Problem.error(location, message));
    }

    public synchronized void addAll(List<Problem> more) {
        problems.addAll(more);
    }

    /** A snapshot, in the order the problems were reported. */
    public synchronized List<Problem> snapshot() {
        return List.copyOf(problems);
    }

    public synchronized int size() {
        return problems.size();
    }
}
