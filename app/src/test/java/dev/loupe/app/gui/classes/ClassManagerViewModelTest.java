package dev.loupe.app.gui.classes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.app.gui.Fx;
import dev.loupe.app.gui.TestWorkspaces;
import dev.loupe.app.gui.tasks.BackgroundTasks;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.workspace.Workspace;
import dev.loupe.labeling.ClassPalette;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassManagerViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private Dataset dataset;
  private BackgroundTasks tasks;
  private ClassManagerViewModel model;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir);
    dataset = TestWorkspaces.synthetic(ws, "d", 100); // person, car, dog, cat
    tasks = new BackgroundTasks(Executors.newSingleThreadExecutor(), System::nanoTime);
    model = Fx.call(() -> new ClassManagerViewModel(ws, new ClassColorStore(dir), tasks, dataset));
  }

  @AfterEach
  void close() {
    tasks.close();
    ws.close();
  }

  private List<String> names() {
    return Fx.call(() -> model.rows().stream().map(ClassManagerViewModel.ClassRow::name).toList());
  }

  @Test
  void addAndRenameRefuseBlankAndDuplicateNames() {
    assertThat(Fx.call(() -> model.add("bus"))).isTrue();
    assertThat(names()).containsExactly("person", "car", "dog", "cat", "bus");
    assertThat(Fx.call(() -> model.add(" car "))).isFalse();
    assertThat(model.problemProperty().get()).isEqualTo("There is already a class 'car'.");
    assertThat(Fx.call(() -> model.rename(1, " "))).isFalse();
    assertThat(model.problemProperty().get()).isEqualTo("A class needs a name.");
    assertThat(Fx.call(() -> model.rename(1, "automobile"))).isTrue();
    assertThat(model.problemProperty().get()).isNull();
    assertThat(ws.datasets().require(dataset.id()).classNames()).containsExactly("person", "automobile", "dog",
        "cat", "bus");
  }

  @Test
  void aPickedColourIsSavedForTheDataset() {
    Fx.run(() -> model.setColor(3, Color.web("#123456")));
    assertThat(Fx.call(() -> model.rows().get(3).color())).isEqualTo(Color.web("#123456"));
    ClassPalette saved = new ClassColorStore(dir).palette(dataset.id());
    assertThat(ClassPalette.toHex(saved.colorOf(3))).isEqualTo("#123456");
  }

  @Test
  void deletingAClassRemovesItsLabelsAndColoursFollowTheirClasses() {
    Fx.run(() -> {
      model.setColor(1, Color.web("#111111"));
      model.setColor(3, Color.web("#333333"));
    });
    long labelsBefore = ws.images().counts(dataset.id()).labels();
    AtomicBoolean done = new AtomicBoolean();
    Fx.run(() -> model.delete(1, () -> done.set(true)));
    Fx.waitFor(done::get, Duration.ofSeconds(30));

    assertThat(names()).containsExactly("person", "dog", "cat");
    // 80 of the 100 images have one box, a quarter of them of class 1 (car)
    assertThat(ws.images().counts(dataset.id()).labels()).isEqualTo(labelsBefore - 20);
    ClassPalette saved = new ClassColorStore(dir).palette(dataset.id());
    assertThat(ClassPalette.toHex(saved.colorOf(2))).isEqualTo("#333333"); // cat moved from 3 to 2
    assertThat(saved.overridesAsHex()).doesNotContainValue("#111111");
  }

  @Test
  void mergingMovesLabelsToTheTargetAndDropsTheSources() {
    Fx.run(() -> model.setColor(3, Color.web("#333333")));
    AtomicBoolean done = new AtomicBoolean();
    Fx.run(() -> model.merge(List.of(0, 2), 1, () -> done.set(true)));
    Fx.waitFor(done::get, Duration.ofSeconds(30));

    assertThat(names()).containsExactly("car", "cat");
    assertThat(ws.classStats().get(dataset.id()).classes().get(0).count()).isEqualTo(60);
    assertThat(ClassPalette.toHex(new ClassColorStore(dir).palette(dataset.id()).colorOf(1))).isEqualTo("#333333");
  }

  @Test
  void aClassCannotBeMergedIntoItself() {
    Fx.run(() -> model.merge(List.of(1), 1, () -> {}));
    assertThat(model.problemProperty().get()).isEqualTo("Choose classes to merge into a different class.");
    assertThat(names()).hasSize(4);
  }
}
