package dev.loupe.app.gui;

import javafx.beans.property.ObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The toolbar's view buttons, one per {@link CenterView}, kept in step with the shown view; their
 * accelerators (Ctrl+1, Ctrl+2, ...) are put on the scene, so they work wherever the focus is.
 */
final class ViewSwitcher extends HBox {
  private final ObjectProperty<CenterView> view;
  private final ToggleGroup group = new ToggleGroup();

  ViewSwitcher(ObjectProperty<CenterView> view) {
    this.view = view;
    getStyleClass().add("view-switcher");
    for (CenterView v : CenterView.values()) {
      ToggleButton b = new ToggleButton(v.title());
      b.setId(v.buttonId());
      b.setUserData(v);
      b.setToggleGroup(group);
      b.setTooltip(new Tooltip(Messages.text("view.tip", v.description(), v.accelerator().getDisplayText())));
      getChildren().add(b);
    }
    group.selectedToggleProperty().addListener((o, was, is) -> {
      if (is == null) {
        group.selectToggle(was); // a click on the shown view keeps it shown
      } else {
        view.set((CenterView) is.getUserData());
      }
    });
    view.addListener((o, a, v) -> select(v));
    select(view.get());
    sceneProperty().addListener((o, old, scene) -> {
      if (old != null) {
        uninstall(old);
      }
      if (scene != null) {
        install(scene);
      }
    });
  }

  private void select(CenterView v) {
    group.getToggles().stream().filter(t -> t.getUserData() == v).findFirst().ifPresent(group::selectToggle);
  }

  private void install(Scene scene) {
    for (CenterView v : CenterView.values()) {
      scene.getAccelerators().put(v.accelerator(), () -> view.set(v));
    }
  }

  private static void uninstall(Scene scene) {
    for (CenterView v : CenterView.values()) {
      scene.getAccelerators().remove(v.accelerator());
    }
  }
}
