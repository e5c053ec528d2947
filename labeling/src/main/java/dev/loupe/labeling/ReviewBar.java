package dev.loupe.labeling;

import dev.loupe.labeling.keys.Action;
import dev.loupe.labeling.keys.Keymap;
import dev.loupe.labeling.model.LabelDocument;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The bar over the canvas while the image has predictions to review: how many, and accept all,
 * reject those below the threshold, next. Hidden when nothing is pending.
 */
final class ReviewBar extends HBox {
  private final Label count = new Label();
  private final Runnable documentListener = this::refresh;
  private final Button acceptAll = new Button(Messages.text("review.acceptAll"));
  private final Button rejectBelow = new Button(Messages.text("review.rejectBelow"));
  private final Button next = new Button(Messages.text("review.next"));
  private final Supplier<Keymap> keymap;
  private LabelDocument document;

  ReviewBar(DoubleProperty threshold, Supplier<Keymap> keymap, Consumer<Action> run) {
    this.keymap = keymap;
    setId("review-bar");
    getStyleClass().add("review-bar");
    count.setId("review-count");
    acceptAll.setId("accept-all");
    rejectBelow.setId("reject-below");
    next.setId("next-prediction");
    acceptAll.setOnAction(e -> run.accept(Action.ACCEPT_ALL_PREDICTIONS));
    rejectBelow.setOnAction(e -> run.accept(Action.REJECT_BELOW_THRESHOLD));
    next.setOnAction(e -> run.accept(Action.NEXT_PREDICTION));
    Spinner<Double> spinner = new Spinner<>();
    SpinnerValueFactory.DoubleSpinnerValueFactory values =
        new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 1, threshold.get(), 0.05);
    values.valueProperty().bindBidirectional(threshold.asObject());
    spinner.setValueFactory(values);
    spinner.setId("review-threshold");
    spinner.setEditable(true);
    spinner.setPrefWidth(80);
    getChildren().addAll(count, acceptAll, rejectBelow, spinner, next);
    getChildren().forEach(n -> n.setFocusTraversable(false));
    setSpacing(8);
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(4, 8, 4, 8));
    setStyle("-fx-background-color: rgba(255, 196, 0, 0.18);");
    managedProperty().bind(visibleProperty());
    setVisible(false);
    updateTooltips();
  }

  void setDocument(LabelDocument newDocument) {
    if (document != null) {
      document.removeListener(documentListener);
    }
    document = newDocument;
    document.addListener(documentListener);
    refresh();
  }

  void updateTooltips() {
    Keymap keys = keymap.get();
    acceptAll.setTooltip(new Tooltip(Messages.text("action.withKeys",
        Action.ACCEPT_ALL_PREDICTIONS.description(), keys.display(Action.ACCEPT_ALL_PREDICTIONS))));
    rejectBelow.setTooltip(new Tooltip(Messages.text("action.withKeys",
        Action.REJECT_BELOW_THRESHOLD.description(), keys.display(Action.REJECT_BELOW_THRESHOLD))));
    next.setTooltip(new Tooltip(Messages.text("review.next.tooltip",
        Action.NEXT_PREDICTION.description(), keys.display(Action.NEXT_PREDICTION),
        keys.display(Action.ACCEPT_PREDICTION), keys.display(Action.REJECT_PREDICTION))));
  }

  private void refresh() {
    int pending = document.pendingCount();
    setVisible(pending > 0);
    count.setText(Messages.text("review.count", pending));
  }
}
