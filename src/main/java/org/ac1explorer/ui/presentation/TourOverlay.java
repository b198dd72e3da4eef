package org.ac1explorer.ui.presentation;

import javafx.geometry.Bounds;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

/**
 * The guided tour's layer over the window: a frame around the panel being explained and a
 * callout beside it (title, text, "3 / 12", Back / Next / Close). Only the callout takes the
 * mouse; the window stays usable under the layer.
 */
public final class TourOverlay extends Pane {
    private static final double GAP = 14;
    private final Rectangle frame = new Rectangle();
    private final VBox callout = new VBox(8);
    private final Label title = new Label();
    private final Label text = new Label();
    private final Label step = new Label();
    private final Button back = new Button("← Back");
    private final Button next = new Button("Next →");
    private final Button close = new Button("Close");
    private Node target;

    TourOverlay(Runnable onBack, Runnable onNext, Runnable onClose) {
        getStyleClass().add("tour-layer");
        getStylesheets().add(TourOverlay.class.getResource("tour.css").toExternalForm());
        setPickOnBounds(false);
        setVisible(false);
        frame.getStyleClass().add("tour-frame");
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        frame.setArcWidth(10);
        frame.setArcHeight(10);

        title.getStyleClass().add("tour-title");
        title.setWrapText(true);
        text.getStyleClass().add("tour-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        step.getStyleClass().add("tour-step");
        back.setOnAction(e -> onBack.run());
        next.setOnAction(e -> onNext.run());
        close.setOnAction(e -> onClose.run());
        back.setId("tour-back");
        next.setId("tour-next");
        close.setId("tour-close");
        for (Button b : new Button[] {back, next, close}) {
            b.setFocusTraversable(false);
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, step, gap, back, next, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        callout.getChildren().addAll(title, text, buttons);
        callout.getStyleClass().add("tour-callout");
        callout.setManaged(false);
        callout.setId("tour-callout");
        getChildren().addAll(frame, callout);
    }

    void show(String titleText, String body, String stepText, Node on, boolean canGoBack, boolean last) {
        title.setText(titleText);
        text.setText(body);
        step.setText(stepText);
        back.setDisable(!canGoBack);
        next.setText(last ? "Finish" : "Next →");
        target = on;
        requestLayout();
    }

    void setText(String body) {
        text.setText(body);
        requestLayout();
    }

    /** The callout's title (for tests). */
    public String titleText() {
        return title.getText();
    }

    /** The explained panel's and the callout's bounds (its box, without the shadow) in this layer, for tests; null without a target. */
    public Bounds[] targetAndCallout() {
        if (target == null || target.getScene() == null) {
            return null;
        }
        return new Bounds[] {sceneToLocal(target.localToScene(target.getLayoutBounds())), new javafx.geometry.BoundingBox(callout.getLayoutX(),
                callout.getLayoutY(), callout.getWidth(), callout.getHeight())};
    }

    /** The callout's text (for tests). */
    public String bodyText() {
        return text.getText();
    }

    @Override
    protected void layoutChildren() {
        if (target == null || target.getScene() == null) {
            frame.setVisible(false);
            return;
        }
        Bounds t = sceneToLocal(target.localToScene(target.getLayoutBounds()));
        frame.setVisible(true);
        frame.setX(t.getMinX() + 1);
        frame.setY(t.getMinY() + 1);
        frame.setWidth(Math.max(0, t.getWidth() - 2));
        frame.setHeight(Math.max(0, t.getHeight() - 2));

        double w = getWidth();
        double h = getHeight();
        double cw = Math.min(Math.max(360, 30 * text.getFont().getSize()), Math.max(200, w - 2 * GAP));
        double ch = callout.prefHeight(cw);
        double x;
        double y;
        // beside the panel where there is room (right, left, below, above), never over it when it fits anywhere
        double centreX = Math.min(Math.max(GAP, (t.getMinX() + t.getMaxX() - cw) / 2), Math.max(GAP, w - cw - GAP));
        if (t.getMaxX() + GAP + cw <= w - GAP) {
            x = t.getMaxX() + GAP;
            y = Math.min(Math.max(GAP, t.getMinY()), Math.max(GAP, h - ch - GAP));
        } else if (t.getMinX() - GAP - cw >= GAP) {
            x = t.getMinX() - GAP - cw;
            y = Math.min(Math.max(GAP, t.getMinY()), Math.max(GAP, h - ch - GAP));
        } else if (t.getMaxY() + GAP + ch <= h - GAP) {
            x = centreX;
            y = t.getMaxY() + GAP;
        } else if (t.getMinY() - GAP - ch >= GAP) {
            x = centreX;
            y = t.getMinY() - GAP - ch;
        } else {
            // a panel as large as the window: at the edge on its side, over as little of it as possible
            x = (t.getMinX() + t.getMaxX()) / 2 > w / 2 ? Math.max(GAP, w - cw - GAP) : GAP;
            y = Math.max(GAP, h - ch - GAP);
        }
        callout.resizeRelocate(Math.round(x), Math.round(y), cw, ch);
    }
}
