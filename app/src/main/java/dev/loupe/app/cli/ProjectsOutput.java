package dev.loupe.app.cli;

import dev.loupe.core.api.ModelJson;
import dev.loupe.core.domain.ModelRecord;
import dev.loupe.core.domain.Project;
import dev.loupe.core.workspace.Workspace;
import java.io.PrintWriter;

/** How projects and models are shown by the project and model commands. */
final class ProjectsOutput {
  private ProjectsOutput() {}

  static void project(CliContext context, Workspace ws, Project p) {
    int models = ws.models().list(p.id()).size();
    if (context.json()) {
      context.printJson(ModelJson.project(p, models));
      return;
    }
    PrintWriter out = context.out();
    out.println("name:        " + p.name());
    out.println("slug:        " + p.slug());
    out.println("id:          " + p.id());
    if (!p.description().isEmpty()) {
      out.println("description: " + p.description());
    }
    out.println("visibility:  " + p.visibility().apiName());
    out.println("models:      " + models);
    out.println("created:     " + Dates.format(p.createdAt()));
    out.println("updated:     " + Dates.format(p.updatedAt()));
    out.flush();
  }

  static Project projectOf(Workspace ws, ModelRecord m) {
    return m.projectId() == null ? null : ws.projects().find(m.projectId()).orElse(null);
  }

  static void model(CliContext context, Workspace ws, ModelRecord m) {
    Project project = projectOf(ws, m);
    if (context.json()) {
      context.printJson(ModelJson.model(m, project));
      return;
    }
    PrintWriter out = context.out();
    out.println("name:        " + m.name());
    out.println("slug:        " + m.slug());
    out.println("id:          " + m.id());
    out.println("project:     " + (project == null ? "(none)" : project.slug()));
    out.println("format:      " + m.format() + (m.runnable() ? "" : " (cannot run: " + m.exportCommand() + ")"));
    out.println("task:        " + (m.task() == null ? "unknown" : m.task().apiName()));
    out.println("classes:     " + m.classNames().size() + (m.classNames().isEmpty() ? "" : " " + preview(m)));
    if (m.imgszH() > 0) {
      out.println("imgsz:       " + m.imgszH() + "x" + m.imgszW() + ", stride " + m.stride()
          + (m.endToEnd() ? ", end-to-end (no NMS)" : ""));
    }
    if (m.kptShape() != null) {
      out.println("kpt_shape:   " + m.kptShape().asList());
    }
    if (m.inspectError() != null) {
      out.println("note:        " + m.inspectError());
    }
    out.println("file:        " + m.fileName() + " (" + m.fileSize() + " bytes, sha-256 " + m.fileHash().substring(0, 12) + ")");
    out.println("imported:    " + Dates.format(m.createdAt()));
    out.flush();
  }

  private static String preview(ModelRecord m) {
    var names = m.classNames();
    return names.size() <= 8 ? names.toString() : names.subList(0, 8).toString().replace("]", ", ...]");
  }
}
