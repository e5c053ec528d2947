package dev.loupe.app.gui.dialogs;

import dev.loupe.app.gui.Messages;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Split;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.DoubleProperty;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Split redistribution: shares of train, val and test (any scale: 80/10/10 or 8/1/1) and a seed. */
public final class SplitDialog {
  private SplitDialog() {}

  public static boolean show(Window owner, SplitViewModel model, BackgroundTasks tasks,
      Consumer<Map<Split, Long>> done) {
    Dialog<ButtonType> dialog = Forms.dialog(owner, Messages.text("redistribute.title"), Messages.text("redistribute.ok"));
    GridPane form = Forms.form();
    Forms.row(form, Messages.text("redistribute.train"), share("split-train", model.trainProperty()));
    Forms.row(form, Messages.text("redistribute.val"), share("split-val", model.valProperty()));
    Forms.row(form, Messages.text("redistribute.test"), share("split-test", model.testProperty()));
    Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
    seed.setEditable(true);
    seed.setId("split-seed");
    seed.valueProperty().addListener((o, a, v) -> model.seedProperty().set(v));
    Forms.row(form, Messages.text("redistribute.seed"), seed);
    Label hint = new Label(Messages.text("redistribute.hint"));
    hint.getStyleClass().add("form-hint");
    dialog.getDialogPane().setContent(new VBox(8, form, hint, Forms.problemLine(model.problemProperty())));
    Forms.okWhenNoProblem(dialog, model.problemProperty());
    boolean start = dialog.showAndWait().map(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false);
    if (start) {
      model.start(tasks, done);
    }
    return start;
  }

  private static Spinner<Double> share(String id, DoubleProperty value) {
    Spinner<Double> spinner = new Spinner<>(0.0, 100.0, value.get(), 5.0);
    spinner.setId(id);
    spinner.setEditable(true);
    spinner.valueProperty().addListener((o, a, v) -> value.set(v == null ? -1 : v));
    return spinner;
  }
}
