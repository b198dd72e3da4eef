package org.ac1explorer.ui.playback;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.ac1explorer.ui.common.Formats;
import org.ac1explorer.ui.common.Tooltips;

/**
 * Transport controls above the plots: play/pause (Space), stop and rewind, the time expansion
 * (1×…10×), the position in stimulus time and one line saying what is heard. Without a sound
 * device the play button stays clickable and says why nothing can be played.
 */
public final class PlaybackBar extends HBox {
    private final Button play = new Button();
    private final Button stop = new Button("■ Stop");
    private final ChoiceBox<Integer> expansion = new ChoiceBox<>();
    private final Label where = new Label();
    private final Label info = new Label();

    public PlaybackBar(PlaybackController c) {
        super(6);
        getStyleClass().add("playback-bar");
        getStylesheets().add(PlaybackBar.class.getResource("playback.css").toExternalForm());
        setAlignment(Pos.CENTER_LEFT);

        play.setId("play-button");
        play.setFocusTraversable(false);
        play.textProperty().bind(Bindings.createStringBinding(() -> switch (c.state()) {
            case IDLE -> "▶ Play";
            case STARTING -> "… Preparing";
            case PLAYING -> "❚❚ Pause";
        }, c.stateProperty()));
        play.setOnAction(e -> c.togglePlay());
        Tooltips.install(play, () -> c.unavailableProperty().get() == null
                ? "Play or pause the stimulus (Space); a click on a plot moves the play position"
                : c.unavailableProperty().get());
        c.unavailableProperty().addListener((o, a, b) -> markUnavailable(b != null));
        markUnavailable(c.unavailableProperty().get() != null);

        stop.setId("stop-button");
        stop.setFocusTraversable(false);
        stop.setOnAction(e -> c.stop());
        Tooltips.install(stop, "Stop and rewind to the start");

        expansion.setId("time-expansion");
        expansion.setFocusTraversable(false);
        for (int k : PlaybackSignal.EXPANSIONS) {
            expansion.getItems().add(k);
        }
        expansion.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer k) {
                return k == null ? "" : k == 1 ? "1× (real time)" : k + "× slower";
            }

            @Override
            public Integer fromString(String s) {
                return 1;
            }
        });
        expansion.setValue(c.expansionProperty().get());
        expansion.valueProperty().addListener((o, a, k) -> {
            if (k != null) {
                c.expansionProperty().set(k);
            }
        });
        c.expansionProperty().addListener((o, a, k) -> expansion.setValue(k.intValue()));
        Tooltips.install(expansion, "Time expansion: plays the sound k times slower (sample rate ÷ k), which "
                + "divides every pitch by k and brings rat-audible ultrasound into human hearing. The cursor follows "
                + "stimulus time.");
        Label expLabel = new Label("Time expansion");
        expLabel.setMinWidth(Region.USE_PREF_SIZE);

        where.getStyleClass().add("playback-position");
        where.setMinWidth(Region.USE_PREF_SIZE);
        where.textProperty().bind(Bindings.createStringBinding(() -> {
            double d = c.durationProperty().get();
            return Formats.num(c.position(), 2) + (Double.isNaN(d) ? " s" : " / " + Formats.num(d, 2) + " s");
        }, c.positionProperty(), c.durationProperty()));

        info.getStyleClass().add("playback-info");
        info.setMinWidth(0);
        info.textProperty().bind(Bindings.createStringBinding(() -> c.unavailableProperty().get() != null
                ? "No sound device: playback is off" : c.descriptionProperty().get(),
                c.unavailableProperty(), c.descriptionProperty()));
        HBox.setHgrow(info, Priority.ALWAYS);
        info.setMaxWidth(Double.MAX_VALUE);

        for (Region r : new Region[] {play, stop, expansion}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        getChildren().addAll(play, stop, expLabel, expansion, where, info);
    }

    private void markUnavailable(boolean off) {
        play.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unavailable"), off);
        info.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("unavailable"), off);
    }

    public Button playButton() {
        return play;
    }

    public ChoiceBox<Integer> expansionChoice() {
        return expansion;
    }
}
