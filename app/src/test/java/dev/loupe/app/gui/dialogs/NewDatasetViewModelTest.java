package dev.loupe.app.gui.dialogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.KptShape;
import dev.loupe.core.domain.Task;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewDatasetViewModelTest {
  private final NewDatasetViewModel model = new NewDatasetViewModel();

  @Test
  void aNameIsNeeded() {
    assertThat(model.problemProperty().get()).isEqualTo("Name the dataset.");
    model.nameProperty().set("  ");
    assertThat(model.problemProperty().get()).isEqualTo("Name the dataset.");
    model.nameProperty().set("Traffic");
    assertThat(model.problemProperty().get()).isNull();
  }

  @Test
  void classesAreReadOnePerLineOrCommaSeparatedAndMustBeUnique() {
    model.nameProperty().set("Traffic");
    model.classesProperty().set("car, bus\n person \n\n");
    assertThat(model.classNames()).containsExactly("car", "bus", "person");
    assertThat(model.problemProperty().get()).isNull();
    model.classesProperty().set("car\nbus\ncar");
    assertThat(model.problemProperty().get()).isEqualTo("Class 'car' is listed twice.");
  }

  @Test
  void poseNeedsAKeypointShapeAndClassifyTwoClasses() {
    model.nameProperty().set("People");
    model.taskProperty().set(Task.POSE);
    model.keypointsProperty().set(0);
    assertThat(model.problemProperty().get()).contains("at least one keypoint");
    model.keypointsProperty().set(17);
    model.dimsProperty().set(4);
    assertThat(model.problemProperty().get()).contains("2 (x, y) or 3");
    model.dimsProperty().set(2);
    assertThat(model.problemProperty().get()).isNull();
    assertThat(model.toNewDataset().kptShape()).isEqualTo(new KptShape(17, 2));

    model.taskProperty().set(Task.CLASSIFY);
    model.classesProperty().set("cat");
    assertThat(model.problemProperty().get()).contains("at least two classes");
    model.classesProperty().set("cat, dog");
    assertThat(model.problemProperty().get()).isNull();
    assertThat(model.toNewDataset().kptShape()).isNull();
  }

  @Test
  void createMakesTheDatasetInTheWorkspace(@TempDir Path dir) {
    try (Workspace ws = Workspace.open(dir)) {
      model.nameProperty().set("Street scenes");
      model.taskProperty().set(Task.SEGMENT);
      model.classesProperty().set("road, sidewalk");
      Dataset d = model.create(ws);
      assertThat(ws.datasets().require(d.id()).classNames()).containsExactly("road", "sidewalk");
      assertThat(d.task()).isEqualTo(Task.SEGMENT);
      assertThat(d.name()).isEqualTo("Street scenes");
    }
  }

  @Test
  void createRefusesWhileThereIsAProblem(@TempDir Path dir) {
    try (Workspace ws = Workspace.open(dir)) {
      assertThatThrownBy(() -> model.create(ws)).hasMessage("Name the dataset.");
      assertThat(ws.datasets().list()).isEmpty();
    }
  }
}
