package dev.loupe.app.gui.sidebar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.loupe.core.domain.Task;
import dev.loupe.core.inference.ModelInfo;
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
      assertThat(sidebar.projects()).containsExactly("Bird watch");
      assertThat(sidebar.models()).singleElement().satisfies(m ->
          assertThat(SidebarViewModel.describe(m)).contains("detect").contains("onnx"));
    }
  }
}
