package dev.loupe.app.gui.sidebar;

import dev.loupe.core.domain.Dataset;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;

/**
 * What the sidebar's buttons and context menus ask the window for: the dialogs that name, confirm,
 * export and list. The window implements it ({@code WorkspaceActions}); the sidebar's view model does
 * the changes.
 */
public interface SidebarActions {
  void openTrash();

  void exportDataset(Dataset dataset);

  void showVersions(Dataset dataset);

  void renameDataset(Dataset dataset);

  void trashDataset(Dataset dataset);

  void newProject();

  void renameProject(Project project);

  void deleteProject(Project project);

  void renameModel(ModelRecord model);

  void deleteModel(ModelRecord model);
}
