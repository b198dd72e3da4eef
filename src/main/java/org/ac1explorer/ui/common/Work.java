package org.ac1explorer.ui.common;

/** The body of a background task: runs off the JavaFX thread and returns its result. */
@FunctionalInterface
public interface Work<T> {
    T call(TaskContext context) throws Exception;
}
