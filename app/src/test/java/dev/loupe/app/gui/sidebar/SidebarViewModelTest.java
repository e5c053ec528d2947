package dev.loupe.app.gui.sidebar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
import dev.loupe.core.workspace.ConflictException;
import dev.loupe.core.workspace.NewDataset;
import dev.loupe.core.workspace.NewModel;
import dev.loupe.core.workspace.NewProject;
import dev.loupe.core.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidebarViewModelTest {
  @TempDir Path dir;

  @Test
  void lists_datasets_projects_and_models_of_the_workspace() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      SidebarViewModel sidebar = new SidebarViewModel(ws);
      sidebar.refresh();
      assertThat(sidebar.projects()).isEmpty();
      assertThat(sidebar.models()).isEmpty();

      ws.datasets().create(NewDataset.of("birds", Task.DETECT, List.of("bird")));
      Path file = Files.write(dir.resolve("birds.onnx"), new byte[] {1, 2, 3});
      ModelInfo info =
          new ModelInfo("onnx", Task.DETECT, List.of("bird"), 640, 640, 32, false, null, 3, Map.of());
      ws.models().importFile(file, NewModel.defaults(), f -> info);
      ws.projects().create(NewProject.of("Bird watch"));
      sidebar.refresh();

      assertThat(sidebar.datasets()).extracting(d -> d.name()).containsExactly("birds");
      assertThat(sidebar.projects()).extracting(p -> p.name()).containsExactly("Bird watch");
      assertThat(sidebar.models()).singleElement().satisfies(m ->
          assertThat(sidebar.modelDetail(m)).isEqualTo("detect · onnx"));
    }
  }

  @Test
  void projectsDatasetsAndModelsAreCreatedRenamedMovedAndDeleted() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      SidebarViewModel sidebar = new SidebarViewModel(ws);
      sidebar.refresh();
      var project = sidebar.createProject("Bird watch");
      assertThat(sidebar.projects()).extracting(p -> p.name()).containsExactly("Bird watch");
      sidebar.renameProject(project, "Owls");
      assertThat(sidebar.projects()).extracting(p -> p.name()).containsExactly("Owls");

      var birds = ws.datasets().create(NewDataset.of("birds", Task.DETECT, List.of("bird")));
      sidebar.refresh();
      sidebar.select(birds.id());
      sidebar.renameDataset(birds, "raptors");
      assertThat(sidebar.datasets()).extracting(d -> d.name()).containsExactly("raptors");
      assertThat(sidebar.selectedProperty().get().name()).isEqualTo("raptors");

      Path file = Files.write(dir.resolve("owl.onnx"), new byte[] {1, 2, 3});
      ModelInfo info =
          new ModelInfo("onnx", Task.DETECT, List.of("owl"), 640, 640, 32, false, null, 3, Map.of());
      var model = ws.models().importFile(file, NewModel.defaults(), f -> info);
      sidebar.refresh();
      sidebar.renameModel(model, "owl finder");
      var moved = sidebar.moveModel(sidebar.models().get(0), sidebar.projects().get(0));
      assertThat(moved.projectId()).isEqualTo(project.id());
      assertThat(sidebar.modelDetail(sidebar.models().get(0))).isEqualTo("detect · onnx · Owls");
      assertThat(sidebar.models()).extracting(m -> m.name()).containsExactly("owl finder");

      // a project holding a model is refused and stays
      assertThatThrownBy(() -> sidebar.deleteProject(project)).isInstanceOf(ConflictException.class);
      assertThat(sidebar.projects()).hasSize(1);
      java.util.List<String> opened = new java.util.ArrayList<>();
      sidebar.setOnOpenModel(m -> opened.add(m.name()));
      sidebar.openModel(sidebar.models().get(0));
      assertThat(opened).containsExactly("owl finder");
      sidebar.deleteModel(sidebar.models().get(0));
      sidebar.deleteProject(project);
      assertThat(sidebar.models()).isEmpty();
      assertThat(sidebar.projects()).isEmpty();
      assertThat(ws.projects().list()).isEmpty();
    }
  }

  @Test
  void a_checkpoint_of_unknown_task_is_listed_and_a_click_opens_the_model() throws Exception {
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      Path pt = Files.write(dir.resolve("best.pt"), new byte[] {1});
      ws.models().importFile(pt, NewModel.defaults(), f -> {
        throw new IllegalArgumentException("unreadable");
      });
      SidebarViewModel sidebar = new SidebarViewModel(ws);
      sidebar.refresh();
      assertThat(sidebar.modelDetail(sidebar.models().get(0))).isEqualTo("task unknown · pt");
      java.util.List<String> opened = new java.util.ArrayList<>();
      sidebar.setOnOpenModel(m -> opened.add(m.id()));
      sidebar.openModel(sidebar.models().get(0));
      assertThat(opened).containsExactly(sidebar.models().get(0).id());
    }
  }
}
