package org.ac1explorer.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * A small builder over {@link javafx.concurrent.Task} so every background job reads the same way:
 * <pre>
 * Tasks.create(ctx -&gt; archive.readRepeats(...))
 *      .onSuccess(view::show)
 *      .onError(status::showError)
 *      .andFinally(...)
 *      .runOnce(background);
 * </pre>
 * Callbacks run on the JavaFX thread. A cancelled task calls neither onSuccess nor onError but
 * {@code onCancelled}; {@code andFinally} always runs last. Cancellation is cooperative: the
 * work polls {@link TaskContext#isCancelled()} (threads are never interrupted, because an
 * interrupt closes the NIO channel a reader is using).
 */
public final class Tasks {
    private Tasks() {
    }

    public static <T> Builder<T> create(Work<T> work) {
        return new Builder<>(work);
    }

    public static final class Builder<T> {
        private final Work<T> work;
        private String title = "";
        private Consumer<? super T> onSuccess = v -> {
        };
        private Consumer<Throwable> onError = e -> {
        };
        private Runnable onCancelled = () -> {
        };
        private Runnable andFinally = () -> {
        };
        private java.util.function.BooleanSupplier wanted = () -> true;

        private Builder(Work<T> work) {
            this.work = Objects.requireNonNull(work);
        }

        /** What the task does, shown in the status bar when it is tracked ("Loading dataset"). */
        public Builder<T> title(String value) {
            this.title = value;
            return this;
        }

        public Builder<T> onSuccess(Consumer<? super T> c) {
            this.onSuccess = c;
            return this;
        }

        public Builder<T> onError(Consumer<Throwable> c) {
            this.onError = c;
            return this;
        }

        public Builder<T> onCancelled(Runnable r) {
            this.onCancelled = r;
            return this;
        }

        public Builder<T> andFinally(Runnable r) {
            this.andFinally = r;
            return this;
        }

        /**
         * A result that arrives when {@code stillWanted} is false (a newer job superseded this one
         * after it finished computing) is dropped as if the task had been cancelled.
         */
        public Builder<T> onlyWhile(java.util.function.BooleanSupplier stillWanted) {
            this.wanted = stillWanted;
            return this;
        }

        /** The task, not started. */
        public BackgroundTask<T> build() {
            return new BackgroundTask<>(title, work, onSuccess, onError, onCancelled, andFinally, wanted);
        }

        /** Builds the task and submits it to {@code executor}. */
        public BackgroundTask<T> runOnce(BackgroundWork executor) {
            BackgroundTask<T> t = build();
            executor.submit(t);
            return t;
        }
    }

    /** A Task whose body sees a {@link TaskContext}; cancel() never interrupts. */
    public static final class BackgroundTask<T> extends Task<T> {
        private static final long MIN_UPDATE_NANOS = 30_000_000L;
        private final Work<T> work;
        private volatile long lastUpdate;

        private final TaskContext context = new TaskContext() {
            @Override
            public void progress(long done, long total, String message) {
                long now = System.nanoTime();
                if (done >= total || now - lastUpdate > MIN_UPDATE_NANOS) {
                    lastUpdate = now;
                    updateProgress(done, Math.max(total, 1));
                    if (message != null) {
                        updateMessage(message);
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return BackgroundTask.this.isCancelled();
            }
        };

        BackgroundTask(String title, Work<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onError,
                       Runnable onCancelled, Runnable andFinally, java.util.function.BooleanSupplier wanted) {
            this.work = work;
            updateTitle(title);
            setOnSucceeded(e -> {
                try {
                    if (wanted.getAsBoolean()) {
                        onSuccess.accept(getValue());
                    } else {
                        onCancelled.run();
                    }
                } finally {
                    andFinally.run();
                }
            });
            setOnFailed(e -> {
                try {
                    if (wanted.getAsBoolean()) {
                        onError.accept(getException());
                    } else {
                        onCancelled.run();
                    }
                } finally {
                    andFinally.run();
                }
            });
            setOnCancelled(e -> {
                try {
                    onCancelled.run();
                } finally {
                    andFinally.run();
                }
            });
        }

        @Override
        protected T call() throws Exception {
            context.checkCancelled();
            return work.call(context);
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return super.cancel(false);
        }

        public TaskContext context() {
            return context;
        }
    }
}
