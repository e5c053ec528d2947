package dev.loupe.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.loupe.core.api.ApiJson;
import dev.loupe.core.domain.Dataset;
import dev.loupe.core.formats.ImportProblem;
import dev.loupe.core.formats.ImportReport;
import dev.loupe.core.workspace.DatasetCounts;
import dev.loupe.core.workspace.ImportResult;
import java.io.PrintWriter;
import java.util.Map;

/** What an import did, as text for people or JSON for scripts. */
final class ImportSummary {
  private final ImportResult result;
  private final DatasetCounts counts;

  ImportSummary(ImportResult result, DatasetCounts counts) {
    this.result = result;
    this.counts = counts;
  }

  ObjectNode toJson() {
    ImportReport report = result.report();
    ObjectNode n = ApiJson.MAPPER.createObjectNode();
    n.set("dataset", ApiJson.dataset(result.dataset(), counts));
    n.put("format", result.format());
    n.put("imported", report.importedImages());
    n.put("labels", report.importedLabels());
    n.put("skipped", report.skippedImages());
    ArrayNode problems = n.putArray("problems");
    for (Map.Entry<ImportProblem, Integer> e : report.counts().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      ObjectNode p = problems.addObject();
      p.put("kind", e.getKey().name().toLowerCase(java.util.Locale.ROOT));
      p.put("description", e.getKey().description());
      p.put("count", e.getValue());
      ArrayNode examples = p.putArray("examples");
      report.examples(e.getKey()).forEach(examples::add);
    }
    return n;
  }

  void print(PrintWriter out) {
    ImportReport report = result.report();
    Dataset d = result.dataset();
    out.println("dataset   " + d.slug() + " (" + d.id() + "), " + d.task().apiName() + ", "
        + d.classCount() + " classes, read as " + result.format());
    out.println("imported  " + report.importedImages() + " images, " + report.importedLabels() + " labels");
    out.println("skipped   " + report.skippedImages() + " images");
    if (report.problemCount() == 0) {
      out.println("problems  none");
    } else {
      out.println("problems  " + report.problemCount());
      report.counts().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                out.println("  " + e.getValue() + " x " + e.getKey().name().toLowerCase(java.util.Locale.ROOT)
                    + ": " + e.getKey().description());
                report.examples(e.getKey()).forEach(x -> out.println("      " + x));
              });
    }
    out.flush();
  }
}
