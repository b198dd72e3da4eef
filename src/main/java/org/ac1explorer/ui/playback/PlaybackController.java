package org.ac1explorer.ui.playback;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.ac1explorer.archive.StimulusKey;
import org.ac1explorer.archive.Waveform;
import org.ac1explorer.ui.common.BackgroundWork;
import org.ac1explorer.ui.common.Dialogs;
import org.ac1explorer.ui.common.Superseding;
import org.ac1explorer.ui.common.Tasks;
import org.ac1explorer.ui.model.ExplorerModel;
import org.ac1explorer.ui.model.LoadedDataset;
import org.ac1explorer.explore.Selection;

/**
 * Plays the selected stimulus through an {@link AudioSink} and publishes the stimulus time being
 * heard ({@link #positionProperty()}, s), which the plots show as a moving cursor. Time expansion
 * k plays the samples at sf/k (k times longer, every pitch ÷ k); the position always follows
 * stimulus time. Loading and rendering run in the background; a new selection stops playback.
 * Use on the JavaFX thread.
 */
public final class PlaybackController {
    /** IDLE: stopped or paused at {@link #positionProperty()}; STARTING: preparing the sound; PLAYING. */
    public enum State { IDLE, STARTING, PLAYING }

    private final ExplorerModel model;
    private final Superseding starting;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper position = new ReadOnlyDoubleWrapper(this, "position", 0);
    private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration", Double.NaN);
    private final IntegerProperty expansion = new SimpleIntegerProperty(this, "expansion", 1);
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", null);
    private final BooleanBinding playheadShown;
    private final AnimationTimer timer;
    private AudioSink sink;
    private Resampler resampler = new DspSincResampler();
    private PlaybackSession session;
    private PlaybackSession previous;
    private CacheKey cachedKey;
    private PlaybackSignal cached;
    private Consumer<String> onProblem = m -> { };
    private boolean disposed;

    private record CacheKey(StimulusKey stimulus, int expansion, AudioSink sink, boolean forced) {
    }

    private record Started(PlaybackSignal signal, CacheKey key, AudioStream stream) {
    }

    public PlaybackController(ExplorerModel model, BackgroundWork work) {
        this.model = model;
        this.starting = new Superseding(work);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                update();
            }
        };
        setSink(new JavaSoundSink());
        playheadShown = Bindings.createBooleanBinding(() -> state.get() != State.IDLE || position.get() > 0,
                state, position);
        model.selectionProperty().addListener((o, a, s) -> {
            if (!Objects.equals(a, s)) {
                stop();
                // the trigger's duration until the waveform itself has been prepared
                double ms = s == null ? 0 : s.stimulus().info().durationMs();
                duration.set(ms > 0 ? ms / 1000 : Double.NaN);
                description.set("");
            }
        });
        model.datasetProperty().addListener((o, a, d) -> {
            stop();
            cachedKey = null;
            cached = null;
        });
        expansion.addListener((o, a, k) -> {
            if (state.get() != State.IDLE) {
                double t = currentPosition();
                pause();
                position.set(t);
                play();
            }
        });
    }

    // --- configuration ---

    /** Where the sound goes (default: the sound card). Stops playback. */
    public void setSink(AudioSink s) {
        stop();
        sink = Objects.requireNonNull(s);
        cachedKey = null;
        cached = null;
        String why;
        try {
            why = s.unavailableReason();
        } catch (RuntimeException e) {
            why = "Sound output is not available here (" + e.getMessage() + ").";
        }
        unavailable.set(why);
    }

    public AudioSink sink() {
        return sink;
    }

    /** The conversion used when the device does not take sf/k (replaceable by the dataset's resampler). */
    public void setResampler(Resampler r) {
        resampler = Objects.requireNonNull(r);
        cachedKey = null;
        cached = null;
    }

    /** Called with a sentence when playing fails or no device exists (on the JavaFX thread). */
    public void setOnProblem(Consumer<String> c) {
        onProblem = c == null ? m -> { } : c;
    }

    // --- actions ---

    public void togglePlay() {
        if (state.get() == State.IDLE) {
            play();
        } else {
            pause();
        }
    }

    /** Plays the selected stimulus from the current position (from the start when at the end). */
    public void play() {
        if (state.get() != State.IDLE || disposed) {
            return;
        }
        String why = unavailable.get();
        if (why != null) {
            onProblem.accept(why);
            return;
        }
        Selection sel = model.selection();
        LoadedDataset d = model.dataset();
        if (sel == null || d == null) {
            return;
        }
        double dur = duration.get();
        double from = !Double.isNaN(dur) && position.get() >= dur - 1e-9 ? 0 : position.get();
        int k = expansion.get();
        AudioSink s = sink;
        Resampler r = resampler;
        CacheKey key = new CacheKey(sel.stimulus().key(), k, s, false);
        PlaybackSignal ready = key.equals(cachedKey) ? cached : null;
        PlaybackSession prev = previous;
        state.set(State.STARTING);
        starting.run(Tasks.create(ctx -> {
                    PlaybackSignal sig = ready;
                    CacheKey used = key;
                    if (sig == null) {
                        Waveform w = d.archive().waveform(sel.stimulus().info());
                        ctx.checkCancelled();
                        sig = PlaybackSignal.render(w.samples(), w.sampleRateHz(), k, s, r, false);
                    }
                    ctx.checkCancelled();
                    if (prev != null) {
                        prev.awaitEnd(500);
                    }
                    AudioStream stream;
                    try {
                        stream = s.open(sig.rateHz());
                    } catch (AudioUnavailableException e) {
                        if (sig.converted()) {
                            throw e;
                        }
                        // the device said yes to sf/k but refused to open it: convert to a common rate
                        Waveform w = d.archive().waveform(sel.stimulus().info());
                        sig = PlaybackSignal.render(w.samples(), w.sampleRateHz(), k, s, r, true);
                        used = new CacheKey(key.stimulus(), k, s, false);
                        stream = s.open(sig.rateHz());
                    }
                    if (ctx.isCancelled()) {
                        stream.close();
                        ctx.checkCancelled();
                    }
                    return new Started(sig, used, stream);
                })
                .onSuccess(st -> {
                    cachedKey = st.key();
                    cached = st.signal();
                    if (state.get() != State.STARTING || disposed || !Objects.equals(sel, model.selection())
                            || s != sink) {
                        st.stream().close();
                        return;
                    }
                    begin(st, from);
                })
                .onError(e -> {
                    if (state.get() == State.STARTING) {
                        state.set(State.IDLE);
                    }
                    onProblem.accept("Cannot play this stimulus: " + Dialogs.reason(e));
                })
                .onCancelled(() -> {
                    if (state.get() == State.STARTING) {
                        state.set(State.IDLE);
                    }
                }));
    }

    private void begin(Started st, double from) {
        PlaybackSignal sig = st.signal();
        duration.set(sig.durationS());
        description.set(sig.describe());
        long f = sig.frameOf(from);
        if (f >= sig.samples().length) {
            f = 0;
        }
        position.set(sig.timeOf(f));
        session = PlaybackSession.start(sig, f, st.stream(), s -> Platform.runLater(() -> ended(s)));
        state.set(State.PLAYING);
        timer.start();
    }

    private void ended(PlaybackSession s) {
        if (s != session) {
            return;
        }
        session = null;
        previous = s;
        timer.stop();
        position.set(s.reachedEnd() ? s.signal().durationS() : s.position());
        state.set(State.IDLE);
        if (s.error() != null) {
            onProblem.accept("Playback stopped: " + Dialogs.reason(s.error()));
        }
    }

    /** Stops where it is (the position stays; the next play resumes there). */
    public void pause() {
        if (state.get() == State.STARTING) {
            starting.cancel();
            state.set(State.IDLE);
            return;
        }
        if (session != null) {
            position.set(session.position());
            session.requestStop();
            previous = session;
            session = null;
        }
        timer.stop();
        state.set(State.IDLE);
    }

    /** Stops and rewinds to the start. */
    public void stop() {
        pause();
        position.set(0);
    }

    /** Moves to stimulus time {@code t} (s); keeps playing from there when playing. */
    public void seek(double t) {
        if (Double.isNaN(t)) {
            return;
        }
        double dur = duration.get();
        double c = Math.max(0, Double.isNaN(dur) ? t : Math.min(t, dur));
        if (state.get() != State.IDLE) {
            pause();
            position.set(c);
            play();
        } else {
            position.set(c);
        }
    }

    /** Re-reads the clock (the animation timer does this every frame while playing). */
    public void update() {
        PlaybackSession s = session;
        if (s != null && state.get() == State.PLAYING) {
            position.set(s.position());
        }
    }

    private double currentPosition() {
        PlaybackSession s = session;
        return s != null ? s.position() : position.get();
    }

    /** Stops at once and releases the device (window closing). */
    public void dispose() {
        disposed = true;
        starting.cancel();
        timer.stop();
        if (session != null) {
            session.abort();
            session = null;
        }
        if (previous != null) {
            previous.abort();
        }
        state.set(State.IDLE);
    }

    // --- state ---

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State state() {
        return state.get();
    }

    /** Stimulus time being heard (or where playback will start), s. */
    public ReadOnlyDoubleProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    public double position() {
        return position.get();
    }

    /** Stimulus seconds of the selected sound (from its trigger until first played; NaN when unknown). */
    public ReadOnlyDoubleProperty durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** Time expansion k (1, 2, 4, 8, 10): the sound plays k times slower. */
    public IntegerProperty expansionProperty() {
        return expansion;
    }

    /** What is being heard ("97.66 kHz sound, 4× slower: …"), empty before the first play. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** Why no sound can be played (null when a device is there). */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    /** Whether the plots should show the playback cursor. */
    public BooleanBinding playheadShownProperty() {
        return playheadShown;
    }

    /** The signal of the current or last playback (for tests and the status line), or null. */
    public PlaybackSignal signal() {
        PlaybackSession s = session;
        return s != null ? s.signal() : cached;
    }
}
